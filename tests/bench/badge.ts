/**
 * Load to badge, in Chromium with the built extension (`npm run bench` runs it after the engine; alone:
 * `node --import tsx tests/bench/badge.ts [--runs N] [--only NAME] [--baseline DIR] [--extension DIR]`). `--baseline DIR` measures
 * another build of the extension (a copy of an earlier `.output-e2e/chrome-mv3`) beside the test build, page by page
 * in turn, so a change is compared under the same load.
 *
 * Every bench page is served over http (content scripts do not run on file:// pages) and opened in a fresh tab, runs
 * interleaved. The worker's badge calls are recorded where they are made (its `action.setBadgeText`), against the
 * page's own load event on the same wall clock, so the bench's polling adds nothing. After the first badge the tab is
 * watched a while longer: every further grade it is given is an audit of content already audited.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Page } from 'puppeteer-core';
import { EXTENSION_PATH, launchWithExtension, listenLocally, tabIdOf, type ExtensionSession } from '../e2e/harness';
import { extensionTasks, loadEventAt, longestOf, TASK_CATEGORIES, traced } from './trace';

export interface BadgeTiming {
  /** Median over the runs: from the page's load event to the worker setting the tab's first grade. */
  loadToBadgeMs: number;
  /** The most grades any run of this page was given before it changed: 1 is one audit per load. */
  auditsPerLoad: number;
  runs: number;
  /** From the traced loads: the content script's main-thread time from load to grade (median) and its longest task
   *  until the grade (worst). */
  contentScriptMs: number;
  contentScriptLongestTaskMs: number;
  tracedRuns: number;
}

/**
 * How many of the runs load the page once more under a trace, for the content script's own tasks. Apart from the
 * timed loads: the trace's cost is not in the load-to-badge figure.
 */
const TRACED_RUNS = 3;

/** How long a tab is watched after its first badge for audits of the same content. */
const WATCH_AFTER_BADGE_MS = 2_000;
const BADGE_TIMEOUT_MS = 30_000;
/** The 200,000-element page takes tens of seconds to load on a busy machine. */
const NAVIGATION_TIMEOUT_MS = 180_000;

/**
 * Records, in the worker, every non-empty badge text set: tab, text and wall-clock time. Answers whether the recorder
 * is in place: right after the browser starts, the worker can run before its `chrome.action` exists, and a recorder
 * installed then would wrap nothing and miss every badge.
 */
const RECORD_BADGES = `(() => {
  const api = globalThis.chrome?.action;
  if (!api) return false;
  if (api.setBadgeText.__benchRecorder) return true;
  globalThis.__benchBadges ??= [];
  const set = api.setBadgeText.bind(api);
  const recorder = (details, ...rest) => {
    if (details.text) globalThis.__benchBadges.push({ tabId: details.tabId, text: details.text, at: Date.now() });
    return set(details, ...rest);
  };
  recorder.__benchRecorder = true;
  api.setBadgeText = recorder;
  return api.setBadgeText === recorder;
})()`;

/** Installs RECORD_BADGES, waiting for the worker's `chrome.action` if it is not there yet. */
export async function recordBadges(session: ExtensionSession, timeoutMs = BADGE_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await session.worker.evaluate(RECORD_BADGES))) {
    if (Date.now() > deadline) throw new Error(`the worker had no chrome.action within ${timeoutMs} ms`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

type BadgeCall = { tabId: number; text: string; at: number };

function badgeCalls(session: ExtensionSession, tabId: number): Promise<BadgeCall[]> {
  return session.worker.evaluate(
    `(globalThis.__benchBadges ?? []).filter((call) => call.tabId === ${tabId})`,
  ) as Promise<BadgeCall[]>;
}

/** The page's load event, on the wall clock. */
export const LOAD_EVENT_AT = `(() => {
  const entry = performance.getEntriesByType('navigation')[0];
  return performance.timeOrigin + entry.loadEventStart;
})()`;

/** The badge calls once the tab has been given its first grade (recorded by RECORD_BADGES). */
export async function firstBadge(session: ExtensionSession, tabId: number, url: string, timeoutMs = BADGE_TIMEOUT_MS): Promise<BadgeCall[]> {
  const deadline = Date.now() + timeoutMs;
  let calls = await badgeCalls(session, tabId);
  while (calls.length === 0) {
    if (Date.now() > deadline) throw new Error(`no badge on ${url} within ${timeoutMs} ms`);
    await new Promise((ok) => setTimeout(ok, 50));
    calls = await badgeCalls(session, tabId);
  }
  return calls;
}

interface LoadSample {
  loadToBadgeMs: number;
  audits: number;
}

/** Opens `url` in `page` and waits for the tab's first grade: the load event's wall-clock time and the tab. */
async function loadUntilFirstBadge(session: ExtensionSession, page: Page, url: string): Promise<{ loadAt: number; tabId: number }> {
  await page.goto(url, { waitUntil: 'load', timeout: NAVIGATION_TIMEOUT_MS });
  const loadAt = (await page.evaluate(LOAD_EVENT_AT)) as number;
  const tabId = await tabIdOf(session, page);
  await firstBadge(session, tabId, url);
  return { loadAt, tabId };
}

async function loadUntilBadges(session: ExtensionSession, page: Page, url: string): Promise<LoadSample> {
  const { loadAt, tabId } = await loadUntilFirstBadge(session, page, url);
  await new Promise((ok) => setTimeout(ok, WATCH_AFTER_BADGE_MS));
  const calls = await badgeCalls(session, tabId);
  return { loadToBadgeMs: calls[0].at - loadAt, audits: calls.length };
}

async function oneLoad(session: ExtensionSession, url: string): Promise<LoadSample> {
  await recordBadges(session);
  const page = await session.browser.newPage();
  try {
    return await loadUntilBadges(session, page, url);
  } finally {
    await page.close();
  }
}

/** The main-thread tasks that ran the content script in one load, in ms. */
interface ScriptTasks {
  /** Every one until the grade. */
  all: number[];
  /** From the load event to the grade: the part of its work the load-to-badge time holds (`document_idle` can start
   *  the audit before `load`). */
  afterLoad: number[];
}

/** A load under a trace until its first badge (seen within the 50 ms the bench polls at). */
async function tracedLoad(session: ExtensionSession, url: string): Promise<ScriptTasks> {
  await recordBadges(session);
  const page = await session.browser.newPage();
  try {
    const { events } = await traced(page, () => loadUntilFirstBadge(session, page, url), [...TASK_CATEGORIES, 'blink.user_timing']);
    return { all: extensionTasks(events), afterLoad: extensionTasks(events, loadEventAt(events) ?? Number.NEGATIVE_INFINITY) };
  } finally {
    await page.close();
  }
}

/**
 * Serves each page at /N.html and nothing else: a saved page's own resources (often with addresses no server would
 * accept) answer 404, as they fail when the page is opened from disk.
 */
async function servePages(files: string[]): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const index = /^\/(\d+)\.html$/.exec(req.url ?? '')?.[1];
    const file = index === undefined ? undefined : files[Number(index)];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(file));
  });
  return listenLocally(server);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `pages` are [label, file] pairs: the corpus fixtures and the generated pages in .tmp/. */
export async function benchBadge(pages: Array<[string, string]>, options: { runs?: number } = {}): Promise<Map<string, BadgeTiming>> {
  return (await benchBadgeBuilds(pages, [EXTENSION_PATH], options))[0];
}

/** The same measurement for each build in `extensionPaths`, one session each, every page loaded in each in turn. */
export async function benchBadgeBuilds(
  pages: Array<[string, string]>,
  extensionPaths: readonly string[],
  options: { runs?: number } = {},
): Promise<Array<Map<string, BadgeTiming>>> {
  const runs = options.runs ?? 7;
  for (const path of extensionPaths) if (!existsSync(path)) throw new Error(`no build at ${path}: run "npm run build:e2e" first`);
  const site = await servePages(pages.map(([, file]) => file));
  const sessions: ExtensionSession[] = [];
  const samples = extensionPaths.map(() => new Map<string, Array<LoadSample>>(pages.map(([label]) => [label, []])));
  const scriptTasks = extensionPaths.map(() => new Map<string, ScriptTasks[]>(pages.map(([label]) => [label, []])));
  try {
    // Off the bench's own server there is no network: a saved page's remote scripts fail at once, so the load event
    // does not wait for connections that never answer. Images are not loaded (the audit reads their attributes, not
    // their pixels): thousands of them on the generated pages would put the load event a minute after the audit.
    for (const path of extensionPaths) {
      sessions.push(await launchWithExtension(['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--blink-settings=imagesEnabled=false'], path));
    }
    // Interleaved, so a busy moment of the machine weighs on every page and every build alike.
    for (let run = 0; run < runs; run++) {
      for (const [index, [label]] of pages.entries()) {
        // Each build goes first in every other run, so the order itself favours neither.
        const order = [...sessions.entries()];
        if (run % 2) order.reverse();
        for (const [build, session] of order) {
          // A load whose badge never came (the worker was stopped and restarted, losing the recorder) is left out and said.
          const sample = await oneLoad(session, `${site.origin}/${index}.html`).catch((error: Error) => {
            console.warn(`${label}: ${error.message.slice(0, 300)}`);
            return null;
          });
          if (sample) samples[build].get(label)!.push(sample);
          if (process.env.BENCH_VERBOSE) console.log(extensionPaths[build], label, sample);
          if (run >= TRACED_RUNS) continue;
          const tasks = await tracedLoad(session, `${site.origin}/${index}.html`).catch((error: Error) => {
            console.warn(`${label} (traced): ${error.message.slice(0, 300)}`);
            return null;
          });
          if (tasks) scriptTasks[build].get(label)!.push(tasks);
        }
      }
    }
  } finally {
    for (const session of sessions) await session.close();
    await site.close();
  }
  return samples.map((byPage, build) => timingsOf(byPage, scriptTasks[build]));
}

function timingsOf(samples: Map<string, LoadSample[]>, scriptTasks: Map<string, ScriptTasks[]>): Map<string, BadgeTiming> {
  return new Map(
    [...samples].map(([label, runsOf]) => {
      const traces = scriptTasks.get(label) ?? [];
      return [
        label,
        {
          loadToBadgeMs: runsOf.length ? median(runsOf.map((r) => r.loadToBadgeMs)) : Number.NaN,
          auditsPerLoad: runsOf.length ? Math.max(...runsOf.map((r) => r.audits)) : Number.NaN,
          runs: runsOf.length,
          contentScriptMs: traces.length ? median(traces.map((tasks) => tasks.afterLoad.reduce((sum, ms) => sum + ms, 0))) : Number.NaN,
          contentScriptLongestTaskMs: traces.length ? longestOf(traces.map((tasks) => longestOf(tasks.all))) : Number.NaN,
          tracedRuns: traces.length,
        },
      ];
    }),
  );
}

if (process.argv[1]?.endsWith('bench/badge.ts')) {
  const { corpusPages, writeGeneratedPage, writeGeneratedTermsPage } = await import('./pages');
  const { basename } = await import('node:path');
  const index = process.argv.indexOf('--runs');
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
  const baseline = process.argv.includes('--baseline') ? process.argv[process.argv.indexOf('--baseline') + 1] : null;
  // `--extension DIR`: measure a copy of the test build, so the tree can be rebuilt while the bench runs.
  const measured = process.argv.includes('--extension') ? process.argv[process.argv.indexOf('--extension') + 1] : EXTENSION_PATH;
  const pages: Array<[string, string]> = corpusPages().map((file) => [basename(file), file]);
  for (const elements of [10_000, 50_000, 200_000]) pages.push([`generated ${elements} elements`, writeGeneratedPage(elements)]);
  pages.push(['generated terms 3000 clauses', writeGeneratedTermsPage(3_000)]);
  const { loadavg } = await import('node:os');
  const loadBefore = loadavg();
  benchBadgeBuilds(only ? pages.filter(([label]) => label.includes(only)) : pages, baseline ? [baseline, measured] : [measured], {
    runs: index >= 0 ? Number(process.argv[index + 1]) || 7 : 7,
  })
    .then(([first, second]) => {
      const rows = [...first].map(([page, timing]) =>
        second
          ? { page, 'baseline ms': Math.round(timing.loadToBadgeMs), 'this build ms': Math.round(second.get(page)!.loadToBadgeMs), 'baseline audits': timing.auditsPerLoad, 'this build audits': second.get(page)!.auditsPerLoad, runs: timing.runs }
          : { page, ...timing },
      );
      console.table(rows);
      console.log(`load average (1 / 5 / 15 min): ${loadBefore.map((v) => v.toFixed(2)).join(' / ')} before, ${loadavg().map((v) => v.toFixed(2)).join(' / ')} after`);
    })
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
