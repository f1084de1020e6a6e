/**
 * Hostile pages in Chromium with the built extension (`npm run bench` runs it after the exports; alone:
 * `node --import tsx tests/bench/hostile.ts [--runs N] [--only NAME]`): what the extension costs a page made to stall
 * it, the static audits of `tests/unit/gather/hostile.test.ts` seen from a real tab.
 *
 * Each page is loaded under a trace, and the extension's share of the tab's main thread is the tasks that ran the
 * content script: a task holding one of its script events, or microtasks (these pages have no script of their own, so
 * every promise continuation is the audit's). Beside it: when the badge came after `load`, and, from a Chromium
 * without the extension, the longest task the browser itself needs for the same page (parsing and laying out a
 * 300,000-character line is the browser's cost, not the audit's).
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium } from '../../cli/browser';
import { EXTENSION_PATH, launchWithExtension, listenLocally, tabIdOf, type ExtensionSession } from '../e2e/harness';
import * as hostile from '../support/hostile-pages';
import { firstBadge, LOAD_EVENT_AT, recordBadges } from './badge';
import { median } from './engine';
import { extensionTasks, longestOf, traced } from './trace';

export interface HostileTiming {
  page: string;
  kib: number;
  /** Medians over the runs. */
  extensionLongestTaskMs: number;
  extensionTotalMs: number;
  loadToBadgeMs: number;
  /** The longest task of the same page in a Chromium without the extension. */
  browserLongestTaskMs: number;
  runs: number;
}

/**
 * The hostile inputs at the sizes that stalled a tab before, and a run of each anchor a detector is tried near. The
 * text node is 1 MB, not the static tests' 5 MB: Chromium alone takes over half a minute to lay out 5 MB of one line.
 */
export function hostilePages(): hostile.HostilePage[] {
  return [
    hostile.digitRun(300_000),
    hostile.digitRun(300_000, '倍违约金'),
    hostile.separatedDigits(300_000),
    hostile.longStyleValues(20_000),
    hostile.keywordRunOn(300_000),
    hostile.keywordSpans(20_000),
    hostile.keywordLines(20_000),
    hostile.deepNesting(10_000),
    hostile.manyNodes(200_000),
    hostile.hugeTextNode(1_000_000),
    hostile.manyLinks(5_000),
    hostile.unitRun('400-610-1360转', 300_000),
    hostile.unitRun('址深圳市南山区粤兴二道大楼中心大厦B座', 300_000),
    hostile.unitRun('京公网安备', 300_000),
    hostile.unitRun('a@', 300_000),
  ];
}

const NAVIGATION_TIMEOUT_MS = 180_000;
const BADGE_TIMEOUT_MS = 60_000;
/** After the badge, the audit's last continuations (the report's reply) are given this long to finish. */
const SETTLE_MS = 500;

const OBSERVE_LONG_TASKS = `window.__benchTasks = [];
new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__benchTasks.push(entry.duration); })
  .observe({ type: 'longtask', buffered: true });`;

async function withExtension(session: ExtensionSession, url: string): Promise<{ longest: number; total: number; loadToBadge: number }> {
  await recordBadges(session);
  const page = await session.browser.newPage();
  try {
    const { result: loadToBadge, events } = await traced(page, async () => {
      await page.goto(url, { waitUntil: 'load', timeout: NAVIGATION_TIMEOUT_MS });
      const loadAt = (await page.evaluate(LOAD_EVENT_AT)) as number;
      const calls = await firstBadge(session, await tabIdOf(session, page), url, BADGE_TIMEOUT_MS);
      await new Promise((ok) => setTimeout(ok, SETTLE_MS));
      return calls[0].at - loadAt;
    });
    const tasks = extensionTasks(events);
    return { longest: longestOf(tasks), total: tasks.reduce((sum, ms) => sum + ms, 0), loadToBadge };
  } finally {
    await page.close();
  }
}

async function withoutExtension(browser: Browser, url: string): Promise<number> {
  const page: Page = await browser.newPage();
  try {
    await page.evaluateOnNewDocument(OBSERVE_LONG_TASKS);
    await page.goto(url, { waitUntil: 'load', timeout: NAVIGATION_TIMEOUT_MS });
    await new Promise((ok) => setTimeout(ok, SETTLE_MS));
    return Math.max(0, ...((await page.evaluate('window.__benchTasks')) as number[]));
  } finally {
    await page.close();
  }
}

export async function benchHostile(options: { runs?: number; only?: string | null } = {}): Promise<HostileTiming[]> {
  const runs = options.runs ?? 3;
  if (!existsSync(EXTENSION_PATH)) throw new Error(`no test build at ${EXTENSION_PATH}: run "npm run build:e2e" first`);
  const pages = hostilePages().filter((page) => !options.only || page.name.includes(options.only));
  const server = createServer((req, res) => {
    const index = /^\/(\d+)\.html$/.exec(req.url ?? '')?.[1];
    const page = index === undefined ? undefined : pages[Number(index)];
    if (!page) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page.html);
  });
  const site = await listenLocally(server);
  const samples = pages.map(() => ({ longest: [] as number[], total: [] as number[], loadToBadge: [] as number[], browser: [] as number[] }));
  let session: ExtensionSession | undefined;
  let plain: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    session = await launchWithExtension();
    plain = await launchChromium();
    // Interleaved, so a busy moment of the machine weighs on every page alike.
    for (let run = 0; run < runs; run++) {
      for (const [index, page] of pages.entries()) {
        const url = `${site.origin}/${index}.html`;
        const measured = await withExtension(session, url);
        samples[index].longest.push(measured.longest);
        samples[index].total.push(measured.total);
        samples[index].loadToBadge.push(measured.loadToBadge);
        samples[index].browser.push(await withoutExtension(plain.browser, url));
        if (process.env.BENCH_VERBOSE) console.log(page.name, measured);
      }
    }
  } finally {
    await session?.close();
    await plain?.close();
    await site.close();
  }
  return pages.map((page, index) => ({
    page: page.name,
    kib: page.html.length / 1024,
    extensionLongestTaskMs: median(samples[index].longest),
    extensionTotalMs: median(samples[index].total),
    loadToBadgeMs: median(samples[index].loadToBadge),
    browserLongestTaskMs: median(samples[index].browser),
    runs,
  }));
}

export function printHostile(timings: readonly HostileTiming[]): void {
  console.table(
    timings.map((timing) => ({
      'hostile page': timing.page,
      'KiB (characters)': timing.kib.toFixed(0),
      "extension's longest task": `${timing.extensionLongestTaskMs.toFixed(1)} ms`,
      "extension's main-thread time": `${timing.extensionTotalMs.toFixed(1)} ms`,
      'load → badge': `${timing.loadToBadgeMs.toFixed(0)} ms`,
      'browser alone, longest task': `${timing.browserLongestTaskMs.toFixed(1)} ms`,
      runs: timing.runs,
    })),
  );
}

if (process.argv[1]?.endsWith('bench/hostile.ts')) {
  const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : null);
  const { loadavg } = await import('node:os');
  const before = loadavg();
  const timings = await benchHostile({ runs: Number(option('--runs')) || 3, only: option('--only') });
  printHostile(timings);
  const format = (values: number[]) => values.map((value) => value.toFixed(2)).join(' / ');
  console.log(`load average (1 / 5 / 15 min): ${format(before)} before, ${format(loadavg())} after`);
}
