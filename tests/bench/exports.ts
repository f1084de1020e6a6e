/**
 * Exports and imports at scale, in Chromium with the built extension, driven through the dashboard's own buttons
 * (`npm run bench` runs it after the popup and dashboard; alone: `node --import tsx tests/bench/exports.ts [--runs N]`).
 *
 * With 10,000 stored audits: the time from the click on "CSV" or "JSON" (scope: every audit) until the dashboard
 * says the file is written. With 2,000: the ZIP bundle of every audit, and the import of a JSON export of them into a
 * fresh profile, each with the longest main-thread task while it ran. Blocking is witnessed two ways: the longtask
 * observer and a chain of timers whose largest gap is the longest task between them (plus the timers' 4 ms). The
 * timed CSV and JSON runs leave the chain out, so it does not slow what they time.
 * `--tasks csv,json,zip,import` measures only those (all by default). `--trace DIR` records a Chromium trace (with
 * the JavaScript sampling profiler) of each run into DIR, to see what a long task was made of.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { AuditResult } from '@/rules/types';
import { launchWithExtension, serveFixtures, storedAudits, type ExtensionSession } from '../e2e/harness';
import { openAudited, seedAudits } from '../e2e/ui-helpers';
import { median } from './engine';
import { syntheticAudits, UI_AUDITS } from './ui';

/** The ZIP bundle and the import are measured with this many audits (the figure). */
export const BUNDLE_AUDITS = 2_000;

export interface ExportTiming {
  task: string;
  audits: number;
  /** Median over the runs, click to "written" (or file chosen to "imported"). */
  durationMs: number;
  /** Median over the runs of each run's longest main-thread task. */
  longestTaskMs: number;
  runs: number;
}

export interface ExportBench {
  timings: ExportTiming[];
}

/** Starts the blocking witnesses on the page; `watchGaps` adds the chain of timers. */
function startWatch(page: Page, watchGaps: boolean): Promise<void> {
  return page.evaluate((gaps: boolean) => {
    const state = { running: true, start: performance.now(), maxGap: 0, longTasks: [] as number[] };
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
    });
    try {
      observer.observe({ type: 'longtask' });
    } catch {
      // A browser without the longtask entry type still has the chain of timers.
    }
    if (gaps) {
      // A chain of timers, not of messages: a message chain runs back to back and keeps the thread busy, which took a
      // core from the evidence worker on a 2-core machine (a ZIP bundle of 2,000 audits 8.9 s with it, 6.6 s
      // without) and stretched the page's own tasks. Timers nested this deep wait 4 ms, so a gap is the longest task
      // between two of them plus at most that.
      // Assigned, not declared: a named function here would be wrapped by the test's loader in a helper that the
      // page does not have.
      let last = performance.now();
      const chain: { tick?: () => void } = {};
      chain.tick = () => {
        const now = performance.now();
        state.maxGap = Math.max(state.maxGap, now - last);
        last = now;
        if (state.running) setTimeout(chain.tick!, 0);
      };
      setTimeout(chain.tick, 0);
    }
    (globalThis as unknown as { __benchWatch: unknown }).__benchWatch = { state, observer };
  }, watchGaps);
}

/** Waits for the evidence notice to change from `previous`, then stops the witnesses. */
async function finishWatch(page: Page, previous: string): Promise<{ durationMs: number; longestTaskMs: number; ok: boolean; text: string }> {
  const handle = await page.waitForFunction(
    (before: string) => {
      const banner = document.querySelector('[data-testid=evidence-notice] .banner');
      return banner && banner.textContent !== before && performance.now();
    },
    // Under puppeteer's 180 s protocol timeout, which one waiting call cannot outlast: past it the error says why.
    { timeout: 170_000, polling: 'raf' },
    previous,
  );
  const end = (await handle.jsonValue()) as number;
  // Long-task entries arrive after their task: give the observer a moment before reading it.
  await new Promise((resolve) => setTimeout(resolve, 200));
  return page.evaluate((doneAt: number) => {
    const { state, observer } = (globalThis as unknown as { __benchWatch: { state: { running: boolean; start: number; maxGap: number; longTasks: number[] }; observer: PerformanceObserver } }).__benchWatch;
    state.running = false;
    observer.disconnect();
    const banner = document.querySelector('[data-testid=evidence-notice] .banner');
    return {
      durationMs: doneAt - state.start,
      longestTaskMs: Math.max(state.maxGap, ...state.longTasks, 0),
      ok: banner?.getAttribute('data-ok') === 'true',
      text: banner?.textContent ?? '',
    };
  }, end);
}

function noticeText(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('[data-testid=evidence-notice] .banner')?.textContent ?? '');
}

async function openDashboard(session: ExtensionSession, downloads: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  await page.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
  await page.waitForSelector('[data-testid=evidence-tools]');
  await page.click('input[name=evidence-scope][value=all]');
  return page;
}

/** Clicks an export button (scope: every audit) and times it until the dashboard says the file is written. */
async function timeExport(page: Page, format: string, watchGaps: boolean) {
  const previous = await noticeText(page);
  await startWatch(page, watchGaps);
  await page.click(`button[data-format=${format}]`);
  const result = await finishWatch(page, previous);
  if (!result.ok) throw new Error(`${format} export failed: ${result.text}`);
  return result;
}

async function waitForDownload(dir: string, suffix: string): Promise<string> {
  for (let waited = 0; waited < 60_000; waited += 100) {
    const file = readdirSync(dir).find((name) => name.endsWith(suffix));
    if (file) return join(dir, file);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${suffix} download in ${dir}`);
}

async function seededSession(count: number): Promise<ExtensionSession> {
  const site = await serveFixtures();
  const session = await launchWithExtension();
  try {
    await openAudited(session, `${site.origin}/compliant-home.html`);
    const template = (await storedAudits(session))[0].result as AuditResult;
    await seedAudits(session, syntheticAudits(template, count) as unknown as Array<Record<string, unknown>>);
    return session;
  } catch (error) {
    await session.close();
    throw error;
  } finally {
    await site.close();
  }
}

export type ExportTask = 'csv' | 'json' | 'zip' | 'import';
export const EXPORT_TASKS: readonly ExportTask[] = ['csv', 'json', 'zip', 'import'];

/** Runs `measure` inside a Chromium trace written to `dir/name.json`, when a trace directory was asked for. */
async function traced<T>(page: Page, dir: string | undefined, name: string, measure: () => Promise<T>): Promise<T> {
  if (!dir) return measure();
  await page.tracing.start({
    path: join(dir, `${name}.json`),
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing'],
  });
  try {
    return await measure();
  } finally {
    await page.tracing.stop();
  }
}

export async function benchExports(options: { runs?: number; tasks?: readonly ExportTask[]; traceDir?: string } = {}): Promise<ExportBench> {
  const runs = options.runs ?? 5;
  const tasks = new Set(options.tasks ?? EXPORT_TASKS);
  const large = tasks.has('csv') || tasks.has('json');
  const smallNeeded = tasks.has('zip') || tasks.has('import');
  const downloads = mkdtempSync(join(tmpdir(), 'liangzhao-bench-downloads-'));
  const csv: Array<{ durationMs: number; longestTaskMs: number }> = [];
  const json: typeof csv = [];
  const zip: typeof csv = [];
  const imports: typeof csv = [];
  let largeSession: ExtensionSession | undefined;
  let small: ExtensionSession | undefined;
  try {
    largeSession = large ? await seededSession(UI_AUDITS) : undefined;
    small = smallNeeded ? await seededSession(BUNDLE_AUDITS) : undefined;
    // The file the imports read: a JSON export of the 2,000 audits (plus the one the template came from).
    if (small && tasks.has('import')) {
      const board = await openDashboard(small, downloads);
      await timeExport(board, 'json', false);
      await board.close();
    }
    const importFile = tasks.has('import') ? await waitForDownload(downloads, '.json') : '';
    for (let run = 0; run < runs; run++) {
      // Interleaved: each run measures every task once, so a burst of load elsewhere touches all of them alike.
      if (largeSession) {
        const board = await openDashboard(largeSession, downloads);
        if (tasks.has('csv')) csv.push(await traced(board, options.traceDir, `csv-${run}`, () => timeExport(board, 'csv', false)));
        if (tasks.has('json')) json.push(await traced(board, options.traceDir, `json-${run}`, () => timeExport(board, 'json', false)));
        await board.close();
      }
      if (small && tasks.has('zip')) {
        // A dashboard of its own each run: the notice a second export writes reads as the first one's did.
        const board = await openDashboard(small, downloads);
        zip.push(await traced(board, options.traceDir, `zip-${run}`, () => timeExport(board, 'zip', true)));
        await board.close();
      }
      if (!tasks.has('import')) continue;

      const fresh = await launchWithExtension();
      try {
        const target = await openDashboard(fresh, downloads);
        const previous = await noticeText(target);
        const input = await target.$('[data-testid=import-json]');
        const result = await traced(target, options.traceDir, `import-${run}`, async () => {
          await startWatch(target, true);
          await (input as unknown as { uploadFile: (path: string) => Promise<void> }).uploadFile(importFile);
          return finishWatch(target, previous);
        });
        if (!result.ok) throw new Error(`import failed: ${result.text}`);
        imports.push(result);
      } finally {
        await fresh.close();
      }
    }
  } finally {
    await largeSession?.close();
    await small?.close();
    rmSync(downloads, { recursive: true, force: true });
  }
  const timing = (task: string, audits: number, rows: typeof csv): ExportTiming => ({
    task,
    audits,
    durationMs: median(rows.map((row) => row.durationMs)),
    longestTaskMs: median(rows.map((row) => row.longestTaskMs)),
    runs: rows.length,
  });
  const timings: ExportTiming[] = [];
  if (tasks.has('csv')) timings.push(timing('export CSV (every audit)', UI_AUDITS + 1, csv));
  if (tasks.has('json')) timings.push(timing('export JSON (every audit)', UI_AUDITS + 1, json));
  if (tasks.has('zip')) timings.push(timing('export ZIP bundle (every audit)', BUNDLE_AUDITS + 1, zip));
  if (tasks.has('import')) timings.push(timing('import JSON export (fresh profile)', BUNDLE_AUDITS + 1, imports));
  return { timings };
}

export function printExports(bench: ExportBench): void {
  console.table(
    bench.timings.map((timing) => ({
      task: timing.task,
      audits: timing.audits,
      'duration (median)': `${timing.durationMs.toFixed(1)} ms`,
      'longest task (median)': `${timing.longestTaskMs.toFixed(1)} ms`,
      runs: timing.runs,
    })),
  );
}

if (process.argv[1]?.endsWith('bench/exports.ts')) {
  const index = process.argv.indexOf('--runs');
  const tasksAt = process.argv.indexOf('--tasks');
  const tasks = tasksAt >= 0 ? (process.argv[tasksAt + 1] ?? '').split(',').filter((task): task is ExportTask => EXPORT_TASKS.includes(task as ExportTask)) : undefined;
  const traceAt = process.argv.indexOf('--trace');
  benchExports({ runs: index >= 0 ? Number(process.argv[index + 1]) || 5 : 5, tasks, traceDir: traceAt >= 0 ? process.argv[traceAt + 1] : undefined })
    .then((bench) => {
      printExports(bench);
      console.log(JSON.stringify(bench));
    })
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
