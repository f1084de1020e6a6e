/**
 * The command-line auditor: `npm run audit -- [--format table|json|html|csv] [--out FILE] [--browser] [--quiet-ms N] [--url URL] [--lang en] FILE_OR_URL...`
 * Static by default (linkedom: visibility unknown); `--browser` runs the same engine in headless Chromium.
 * Exit 0 when every input was audited, 2 when any could not be read (each named on stderr; the rest still audited).
 */
import { parseHTML } from 'linkedom';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
// The CLI renders in either language on the spot (--lang): both catalogues, installed at start.
import '../i18n/all-locales';
import { isLocale, t } from '../i18n';
import { auditsToCsv } from '../evidence/export/csv';
import { renderReport, renderReportBody, reportStart, REPORT_END } from '../evidence/export/report';
import { isoWithOffset } from '../utils/time';
import { auditDocument } from '../rules';
import type { AuditResult, Locale } from '../rules/types';
import { auditInPage, launchChromium, openForAudit, type ChromiumSession } from './browser';
import { browserVersionReader, compareInputs, formatComparison, readVersion } from './compare';
import { formatAudit } from './format';
import { LATE_CONTENT, type LateContentLimits, type LateContentWait } from './late-content';
import { isWebUrl, loadInput } from './load';
import { BATCH_USAGE, parseBatchArgs, runBatch } from './batch';

export const EXIT_OK = 0;
export const EXIT_USAGE = 1;
export const EXIT_UNREADABLE = 2;

const USAGE = `Usage: npm run audit -- [--format table|json|html|csv] [--out FILE] [--browser] [--quiet-ms N] [--url URL] [--lang zh_CN|en] FILE_OR_URL...
       npm run audit -- --compare OLD NEW [--browser] [--json] [--lang zh_CN|en]
  --compare    two versions of a terms page (files or URLs): the clause diff and the seven-day notice judgement
               (with --browser, each read in Chromium after its late content);
               with --json, schema liangzhao.terms-compare/1
  --format     table (default): a readable table; json: one audit object per input (an array for several);
               html: the printable report (one section per input); csv: one row per audit and per finding
  --json       the same as --format json
  --out        write to FILE instead of standard output
  --browser    load each page in headless Chromium (CHROME_PATH, default /usr/bin/chromium) and judge visibility;
               waits for late content: network idle, then the DOM quiet, scrolled to the bottom (${LATE_CONTENT.maxWaitMs / 1000} s at most)
  --quiet-ms   how long the network and then the DOM must be quiet (default ${LATE_CONTENT.quietMs})
  --url        the web address a saved FILE came from (one input only); else read from the page itself
  --lang       language of the table and messages (default zh_CN)`;

export const FORMATS = ['table', 'json', 'html', 'csv'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export interface CliOptions {
  format: OutputFormat;
  out: string | null;
  browser: boolean;
  locale: Locale;
  inputs: string[];
  /** The web address the one input (a saved file) came from. */
  url?: string;
  quietMs: number;
  compare: boolean;
}

/** An audit as the CLI prints it: with --browser, how the wait for late content went. */
export type CliAudit = AuditResult & { lateContent?: LateContentWait };

/** `--name value` or `--name=value`; advances `i` past the value. */
function valueOf(argv: readonly string[], index: { i: number }, name: string): string | undefined {
  const arg = argv[index.i];
  return arg.includes('=') ? arg.slice(name.length + 1) : argv[++index.i];
}

export function parseArgs(argv: readonly string[]): CliOptions | string {
  const options: CliOptions = { format: 'table', out: null, browser: false, locale: 'zh_CN', inputs: [], quietMs: LATE_CONTENT.quietMs, compare: false };
  const index = { i: 0 };
  for (; index.i < argv.length; index.i++) {
    const arg = argv[index.i];
    if (arg === '--json') options.format = 'json';
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = valueOf(argv, index, '--format');
      if (!FORMATS.includes(value as OutputFormat)) return `Unknown format: ${value ?? '(none)'}`;
      options.format = value as OutputFormat;
    } else if (arg === '--out' || arg.startsWith('--out=')) {
      const value = valueOf(argv, index, '--out');
      if (!value) return 'No FILE given to --out';
      options.out = value;
    }
    else if (arg === '--browser') options.browser = true;
    else if (arg === '--compare') options.compare = true;
    else if (arg === '--url' || arg.startsWith('--url=')) {
      const value = valueOf(argv, index, '--url');
      if (!value || !isWebUrl(value)) return `--url needs an http(s) address: ${value ?? '(none)'}`;
      options.url = value;
    } else if (arg === '--quiet-ms' || arg.startsWith('--quiet-ms=')) {
      const value = valueOf(argv, index, '--quiet-ms');
      const ms = Number(value);
      if (!/^\d{1,6}$/.test(value ?? '') || ms > LATE_CONTENT.maxWaitMs) {
        return `--quiet-ms needs a number of milliseconds up to ${LATE_CONTENT.maxWaitMs}: ${value ?? '(none)'}`;
      }
      options.quietMs = ms;
    } else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = valueOf(argv, index, '--lang');
      const locale = value === 'zh' || value === 'zh-CN' ? 'zh_CN' : value;
      if (!isLocale(locale)) return `Unknown language: ${value ?? '(none)'}`;
      options.locale = locale;
    } else if (arg === '--') continue;
    else if (arg.startsWith('--')) return `Unknown option: ${arg}`;
    else options.inputs.push(arg);
  }
  if (options.inputs.length === 0) return 'No FILE_OR_URL given';
  if (options.compare && options.inputs.length !== 2) return '--compare takes exactly two inputs: OLD NEW';
  if (options.url && (options.inputs.length > 1 || isWebUrl(options.inputs[0]))) return '--url says where one saved FILE came from';
  return options;
}

/** A saved file read with --url is judged as that address; `location` keeps where it was read from. */
function addressFor(read: string, given: string | undefined): { url: string; location?: string } {
  return given ? { url: given, location: read } : { url: read };
}

async function auditStatic(input: string, options: CliOptions): Promise<CliAudit> {
  const { url, html } = await loadInput(input);
  const { document } = parseHTML(html);
  return auditDocument(document as unknown as Document, { ...addressFor(url, options.url), mode: 'static', locale: options.locale });
}

async function auditInBrowser(session: ChromiumSession, input: string, options: CliOptions): Promise<CliAudit> {
  const limits: LateContentLimits = { ...LATE_CONTENT, quietMs: options.quietMs };
  const { page, wait } = await openForAudit(session.browser, input, limits);
  try {
    const address = options.url ? addressFor(page.url(), options.url) : {};
    return { ...(await auditInPage(page, options.locale, address)), lateContent: wait };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** A reason a person can act on: "no such file", "HTTP 404 Not Found", "fetch failed (ECONNREFUSED)". */
function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message;
  return detail ? `${error.message} (${detail})` : error.message;
}

/** Audits every input; returns what was audited and, for each input that could not be, a message naming it. */
export async function auditInputs(options: CliOptions): Promise<{ audits: CliAudit[]; failures: string[] }> {
  const audits: CliAudit[] = [];
  const failures: string[] = [];
  let session: ChromiumSession | null = null;
  try {
    if (options.browser) {
      try {
        session = await launchChromium();
      } catch (error) {
        const browser = process.env.CHROME_PATH ?? '/usr/bin/chromium';
        return { audits, failures: options.inputs.map((input) => `cannot audit ${input}: Chromium (${browser}) did not start: ${reason(error)}`) };
      }
    }
    for (const input of options.inputs) {
      try {
        audits.push(session ? await auditInBrowser(session, input, options) : await auditStatic(input, options));
      } catch (error) {
        failures.push(`cannot audit ${input}: ${reason(error)}`);
      }
    }
  } finally {
    await session?.close();
  }
  return { audits, failures };
}

export async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(`${USAGE}\n\n${BATCH_USAGE}`);
    return EXIT_OK;
  }
  if (argv.some((arg) => arg === '--urls' || arg.startsWith('--urls='))) {
    const batch = parseBatchArgs(argv);
    if (typeof batch === 'string') {
      console.error(`${batch}\n${BATCH_USAGE}`);
      return EXIT_USAGE;
    }
    return (await runBatch(batch)).failed > 0 ? EXIT_UNREADABLE : EXIT_OK;
  }
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    console.error(`${options}\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (options.compare) return compare(options);
  const { audits, failures } = await auditInputs(options);
  const output = await renderAudits(audits, options);
  if (output !== null) {
    if (options.out) writeFileSync(options.out, output);
    else process.stdout.write(output);
  }
  for (const failure of failures) console.error(failure);
  return failures.length > 0 || audits.length < options.inputs.length ? EXIT_UNREADABLE : EXIT_OK;
}

/** The document the chosen format makes of the audits, through the same text layer as the extension's exports. */
export async function renderAudits(
  audits: AuditResult[],
  options: Pick<CliOptions, 'format' | 'locale' | 'inputs'>,
): Promise<string | Uint8Array | null> {
  const { locale } = options;
  if (options.format === 'json') {
    if (audits.length === 0 && options.inputs.length === 1) return null;
    return `${JSON.stringify(options.inputs.length === 1 ? audits[0] : audits, null, 2)}\n`;
  }
  if (audits.length === 0) return null;
  if (options.format === 'table') return `${audits.map((audit) => formatAudit(audit, locale)).join('\n\n')}\n`;
  // The bytes, byte-order mark included (Blob.text() would drop it, and Excel needs it).
  if (options.format === 'csv') return new Uint8Array(await (await auditsToCsv(audits, locale)).arrayBuffer());
  const generatedAt = isoWithOffset(new Date());
  if (audits.length === 1) return renderReport({ audit: audits[0], locale, generatedAt });
  const title = t('evidenceReport_titleMany', locale, { count: audits.length });
  return reportStart(locale, title, '') + audits.map((audit) => renderReportBody({ audit, locale, generatedAt })).join('\n') + REPORT_END;
}

async function compare(options: CliOptions): Promise<number> {
  const [before, after] = options.inputs;
  let session: ChromiumSession | null = null;
  try {
    if (options.browser) session = await launchChromium();
    const read = session ? browserVersionReader(session, { ...LATE_CONTENT, quietMs: options.quietMs }) : readVersion;
    const report = await compareInputs(before, after, read);
    const text = options.format === 'json' ? JSON.stringify(report, null, 2) : formatComparison(report, options.locale);
    console.log(text);
    return EXIT_OK;
  } catch (error) {
    console.error(`cannot compare ${before} with ${after}: ${reason(error)}`);
    return EXIT_UNREADABLE;
  } finally {
    await session?.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
