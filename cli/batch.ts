/**
 * Batch audits on the command line: `npm run audit -- [--browser] --urls FILE [--concurrency N] [--out results.jsonl]`.
 * One JSON line per list entry as it finishes (the liangzhao.audit/3 record with its `input`, or an error record),
 * a progress bar on stderr, one retry per entry, a summary at the end. An existing `--out` file is the resume file:
 * entries it already holds are skipped. One browser for the whole run; its pages are reused and replaced now and
 * then, so memory stays flat over long lists.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import cliProgress from 'cli-progress';
import type { Browser, Page } from 'puppeteer-core';
import { isLocale } from '../i18n';
import { auditDocument } from '../rules';
import { SETTLE_DEFAULTS, type SettleOptions } from '../rules/settle';
import type { AuditResult, Locale, Verdict } from '../rules/types';
import { isWebPageType, parseUrlList } from '../utils/url-list';
import { auditInPage, injectEngine, launchChromium, pageUrlFor, waitForQuietScript } from './browser';
import { isWebUrl, loadInput } from './load';

export const ERROR_SCHEMA = 'liangzhao.audit-error/1';

export interface BatchOptions {
  urls: string;
  browser: boolean;
  concurrency: number;
  out: string | null;
  locale: Locale;
  settle: SettleOptions;
}

/** One line of the output: an audit of the entry, or why it has none. */
export type BatchLine =
  | (AuditResult & { input: string; settleTimedOut?: true })
  | { schema: typeof ERROR_SCHEMA; input: string; url: string; reason: string; attempts: number };

const NAVIGATION_TIMEOUT_MS = 30_000;
/** A page is given up (and retried once) after its load, its settle limit and this much more. */
const PAGE_GRACE_MS = 10_000;
/** A page is closed and replaced after this many audits, so nothing a page keeps grows over a long list. */
const PAGE_REUSE = 25;
const MAX_CONCURRENCY = 8;

export const BATCH_USAGE = `Usage: npm run audit -- [--browser] --urls FILE [--concurrency N] [--out results.jsonl] [--quiet-ms MS] [--lang zh_CN|en]
  --urls         a list: one URL or file path a line (paths relative to the list), or a CSV with a url column
  --concurrency  pages at once (default 2, at most ${MAX_CONCURRENCY})
  --out          write the JSON lines there (default: standard output); a file that exists is resumed
  --quiet-ms     how long the network and the DOM must be quiet (default ${SETTLE_DEFAULTS.quietMs}); --max-wait-ms the limit (default ${SETTLE_DEFAULTS.maxWaitMs})`;

export function parseBatchArgs(argv: readonly string[]): BatchOptions | string {
  const options: BatchOptions = { urls: '', browser: false, concurrency: 2, out: null, locale: 'zh_CN', settle: { ...SETTLE_DEFAULTS } };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = () => inline ?? argv[++i] ?? '';
    const number = (name: string, min: number, max: number) => {
      const n = Number(value());
      return Number.isInteger(n) && n >= min && n <= max ? n : `${name} must be a whole number from ${min} to ${max}`;
    };
    if (flag === '--') continue;
    else if (flag === '--browser') options.browser = true;
    else if (flag === '--urls') options.urls = value();
    else if (flag === '--out') options.out = value();
    else if (flag === '--lang') {
      const lang = value();
      const locale = lang === 'zh' || lang === 'zh-CN' ? 'zh_CN' : lang;
      if (!isLocale(locale)) return `Unknown language: ${lang || '(none)'}`;
      options.locale = locale;
    } else if (flag === '--concurrency' || flag === '--quiet-ms' || flag === '--max-wait-ms') {
      const n = number(flag, flag === '--concurrency' ? 1 : 0, flag === '--concurrency' ? MAX_CONCURRENCY : 600_000);
      if (typeof n === 'string') return n;
      if (flag === '--concurrency') options.concurrency = n;
      else if (flag === '--quiet-ms') options.settle.quietMs = n;
      else options.settle.maxWaitMs = n;
    } else return `Unknown option for a batch: ${argv[i]}`;
  }
  return options.urls ? options : 'No --urls FILE given';
}

/** The entries of the list, as the browser or the static auditor opens them. */
export async function readList(path: string): Promise<{ inputs: string[]; skipped: number }> {
  const parsed = parseUrlList(await readFile(path, 'utf8'), { acceptPaths: true });
  const base = dirname(resolve(path));
  const inputs = parsed.entries.map((entry) => (isWebUrl(entry.target) ? entry.target : resolve(base, entry.target)));
  return { inputs, skipped: parsed.notWeb.length + parsed.invalid.length };
}

/** Entries an earlier run already wrote to `out` (audits and errors alike: a resume does not retry failures). */
export async function doneInputs(out: string | null): Promise<Set<string>> {
  if (!out || !existsSync(out)) return new Set();
  const done = new Set<string>();
  for (const line of (await readFile(out, 'utf8')).split('\n')) {
    try {
      const record = JSON.parse(line) as { input?: unknown };
      if (typeof record.input === 'string') done.add(record.input);
    } catch {
      // A line cut short when the run was killed: that entry is audited again.
    }
  }
  return done;
}

interface PagePool {
  acquire(): Promise<Page>;
  release(page: Page, healthy: boolean): Promise<void>;
}

function pagePool(browser: Browser): PagePool {
  const idle: Page[] = [];
  const uses = new WeakMap<Page, number>();
  return {
    async acquire() {
      return idle.pop() ?? (await browser.newPage());
    },
    async release(page, healthy) {
      const used = (uses.get(page) ?? 0) + 1;
      uses.set(page, used);
      if (!healthy || used >= PAGE_REUSE) return void (await page.close().catch(() => undefined));
      // Leave the page's document, so its timers and sockets stop before the page is reused.
      await page.goto('about:blank').catch(() => undefined);
      idle.push(page);
    },
  };
}

/** The settle rule of rules/settle.ts, in a page driven over DevTools. Resolves whether it settled in time. */
export async function settle(page: Page, options: SettleOptions, deadline: number): Promise<boolean> {
  const left = () => Math.max(0, deadline - Date.now());
  const scroll = `(async () => {
    const end = Date.now() + ${left()};
    for (;;) {
      const bottom = Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0);
      if (scrollY + innerHeight >= bottom - 1) return true;
      if (Date.now() >= end) return false;
      const before = scrollY;
      scrollBy(0, ${options.scrollStepPx});
      await new Promise((r) => setTimeout(r, ${options.scrollIntervalMs}));
      if (scrollY === before) return true;
    }
  })()`;
  if (!(await page.evaluate(scroll))) return false;
  while (left() > 0) {
    const started = Date.now();
    const [network] = await Promise.all([
      page
        .waitForNetworkIdle({ idleTime: options.quietMs, timeout: left() })
        .then(() => true)
        .catch(() => false),
      page.evaluate(waitForQuietScript(options.quietMs, left())),
    ]);
    if (!network) return false;
    // Both held over one stretch of time only if nothing new started while the other was waiting.
    if (Date.now() - started <= options.quietMs * 2 + 250) {
      await page.evaluate('scrollTo(0, 0)');
      return true;
    }
  }
  return false;
}

async function auditInBrowser(pool: PagePool, input: string, options: BatchOptions): Promise<BatchLine> {
  const page = await pool.acquire();
  let healthy = false;
  const budget = NAVIGATION_TIMEOUT_MS + options.settle.maxWaitMs + PAGE_GRACE_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const work = (async () => {
      const response = await page.goto(pageUrlFor(input), { waitUntil: 'load', timeout: NAVIGATION_TIMEOUT_MS });
      if (response && response.status() >= 400) throw new Error(`HTTP ${response.status()} ${response.statusText()}`.trim());
      const contentType = String(await page.evaluate('document.contentType'));
      if (!isWebPageType(contentType)) throw new Error(`not a web page (${contentType})`);
      const settled = await settle(page, options.settle, Date.now() + options.settle.maxWaitMs);
      await injectEngine(page);
      const audit = await auditInPage(page, options.locale);
      return { ...audit, input, ...(settled ? {} : { settleTimedOut: true as const }) };
    })();
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${budget} ms`)), budget);
    });
    const line = await Promise.race([work, limit]);
    healthy = true;
    return line;
  } finally {
    clearTimeout(timer);
    await pool.release(page, healthy);
  }
}

async function auditStatically(input: string, locale: Locale): Promise<BatchLine> {
  const { url, html } = await loadInput(input);
  const { document } = parseHTML(html);
  return { ...auditDocument(document as unknown as Document, { url, mode: 'static', locale }), input };
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  return error.message.split('\n')[0];
}

export interface BatchSummary {
  audited: number;
  failed: number;
  skipped: number;
  byVerdict: Partial<Record<Verdict, number>>;
  ms: number;
}

export async function runBatch(options: BatchOptions, log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<BatchSummary> {
  const started = Date.now();
  const { inputs, skipped } = await readList(options.urls);
  const done = await doneInputs(options.out);
  const todo = inputs.filter((input) => !done.has(input));
  const out = options.out ? createWriteStream(options.out, { flags: 'a' }) : process.stdout;
  const summary: BatchSummary = { audited: 0, failed: 0, skipped: inputs.length - todo.length, byVerdict: {}, ms: 0 };
  if (skipped > 0) log(`${skipped} lines of the list are not URLs or paths and were left out`);
  if (summary.skipped > 0) log(`resuming: ${summary.skipped} entries are already in ${options.out}`);

  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: '{bar} {value}/{total} · failed {failed} · {eta_formatted} left', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(todo.length, 0, { failed: 0 });
  const session = options.browser ? await launchChromium() : null;
  const pool = session ? pagePool(session.browser) : null;
  const auditOnce = (input: string) => (pool ? auditInBrowser(pool, input, options) : auditStatically(input, options.locale));
  try {
    let next = 0;
    const worker = async () => {
      while (next < todo.length) {
        const input = todo[next++];
        let line: BatchLine;
        try {
          line = await auditOnce(input).catch(() => auditOnce(input));
        } catch (error) {
          line = { schema: ERROR_SCHEMA, input, url: pageUrlFor(input), reason: reasonOf(error), attempts: 2 };
        }
        out.write(`${JSON.stringify(line)}\n`);
        if (line.schema === ERROR_SCHEMA) summary.failed++;
        else {
          summary.audited++;
          summary.byVerdict[line.verdict] = (summary.byVerdict[line.verdict] ?? 0) + 1;
        }
        bar.increment(1, { failed: summary.failed });
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, Math.max(1, todo.length)) }, worker));
  } finally {
    bar.stop();
    await session?.close();
    if (out !== process.stdout) await new Promise<void>((ok) => (out as NodeJS.WritableStream).end(ok));
  }
  summary.ms = Date.now() - started;
  const verdicts = Object.entries(summary.byVerdict).map(([verdict, n]) => `${verdict} ${n}`).join(', ');
  log(
    `audited ${summary.audited} (${verdicts || 'none'}), failed ${summary.failed}, already done ${summary.skipped}, in ${(summary.ms / 1000).toFixed(1)} s`,
  );
  return summary;
}
