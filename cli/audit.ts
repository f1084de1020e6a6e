/**
 * The command-line auditor: `npm run audit -- [--json] [--browser] [--lang en] FILE_OR_URL...`
 * Static by default (linkedom: visibility unknown); `--browser` runs the same engine in headless Chromium.
 * Exit 0 when every input was audited, 2 when any could not be read (each named on stderr; the rest still audited).
 */
import { parseHTML } from 'linkedom';
import { fileURLToPath } from 'node:url';
import { isLocale } from '../i18n';
import { auditDocument } from '../rules';
import type { AuditResult, Locale } from '../rules/types';
import { auditInPage, launchChromium, openForAudit, type ChromiumSession } from './browser';
import { formatAudit } from './format';
import { loadInput } from './load';
import { BATCH_USAGE, parseBatchArgs, runBatch } from './batch';

export const EXIT_OK = 0;
export const EXIT_USAGE = 1;
export const EXIT_UNREADABLE = 2;

const USAGE = `Usage: npm run audit -- [--json] [--browser] [--lang zh_CN|en] FILE_OR_URL...
  --json       print one JSON object per input (an array for several), schema liangzhao.audit/1
  --browser    load each page in headless Chromium (CHROME_PATH, default /usr/bin/chromium) and judge visibility
  --lang       language of the table and messages (default zh_CN)`;

export interface CliOptions {
  json: boolean;
  browser: boolean;
  locale: Locale;
  inputs: string[];
}

export function parseArgs(argv: readonly string[]): CliOptions | string {
  const options: CliOptions = { json: false, browser: false, locale: 'zh_CN', inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--browser') options.browser = true;
    else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg.includes('=') ? arg.slice('--lang='.length) : argv[++i];
      const locale = value === 'zh' || value === 'zh-CN' ? 'zh_CN' : value;
      if (!isLocale(locale)) return `Unknown language: ${value ?? '(none)'}`;
      options.locale = locale;
    } else if (arg === '--') continue;
    else if (arg.startsWith('--')) return `Unknown option: ${arg}`;
    else options.inputs.push(arg);
  }
  return options.inputs.length > 0 ? options : 'No FILE_OR_URL given';
}

async function auditStatic(input: string, locale: Locale): Promise<AuditResult> {
  const { url, html } = await loadInput(input);
  const { document } = parseHTML(html);
  return auditDocument(document as unknown as Document, { url, mode: 'static', locale });
}

async function auditInBrowser(session: ChromiumSession, input: string, locale: Locale): Promise<AuditResult> {
  const page = await openForAudit(session.browser, input);
  try {
    return await auditInPage(page, locale);
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
export async function auditInputs(options: CliOptions): Promise<{ audits: AuditResult[]; failures: string[] }> {
  const audits: AuditResult[] = [];
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
        audits.push(session ? await auditInBrowser(session, input, options.locale) : await auditStatic(input, options.locale));
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
  const { audits, failures } = await auditInputs(options);
  if (options.json) {
    if (audits.length > 0 || options.inputs.length > 1) {
      console.log(JSON.stringify(options.inputs.length === 1 ? audits[0] : audits, null, 2));
    }
  } else if (audits.length > 0) {
    console.log(audits.map((audit) => formatAudit(audit, options.locale)).join('\n\n'));
  }
  for (const failure of failures) console.error(failure);
  return failures.length > 0 || audits.length < options.inputs.length ? EXIT_UNREADABLE : EXIT_OK;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
