/**
 * Engine timings in Chromium: the synchronous audit beside one bare TreeWalker pass over the same page's text
 * (median of several runs, as a ratio; a small page's passes are each repeated so the timer can resolve them), and
 * the longest main-thread task while the content script's share of an audit runs in the page (ASYNC_AUDIT). With a baseline (`--baseline REF`), the engine as it
 * was at that git revision is timed on the same page, interleaved with the current one, so before and after meet
 * the same load.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'puppeteer-core';
import { injectEngine, waitForQuietScript } from '../../cli/browser';
import { ENGINE_GLOBAL } from '../../cli/engine-bundle';
import { longestOf, pageMainThreadTasks, traced } from './trace';

export interface EngineBench {
  page: string;
  elements: number;
  runs: number;
  /** How many times over each timed pass ran (small pages' passes are repeated so the timer can resolve them). */
  repeats: number;
  engineMs: number;
  treeWalkerMs: number;
  ratio: number;
  /** With a baseline revision: its engine's median time on the page, measured interleaved with this one, and its ratio. */
  baselineEngineMs?: number;
  baselineRatio?: number;
  /** The gatherer's walk alone (text stream, links, images), and the whole gather (walk plus detectors). */
  walkMs: number;
  gatherMs: number;
  asyncTotalMs: number;
  /** The page's longest main-thread task while the injected engine's async audit ran (worst of the runs). */
  longestTaskMs: number;
  /** With the built extension (bench/badge.ts): median ms from the load event to the tab's grade, and the most
   *  grades one load was given (1: the same content is never audited twice). */
  loadToBadgeMs?: number;
  auditsPerLoad?: number;
  /** With the built extension, from traced loads: the content script's main-thread time from the load event to the
   *  grade (median) and its longest task until the grade (worst): its first audit of a page, cold, as a tab runs it. */
  contentScriptMs?: number;
  contentScriptLongestTaskMs?: number;
}

/**
 * A pass repeated `repeats` times in one task, timed as a whole and divided: a small page's bare pass takes less
 * than the timer's 0.1 ms resolution, so timing it once gives a ratio of rounding errors.
 */
function repeated(body: string, repeats: number): string {
  return `(() => {
  const start = performance.now();
  for (let repeat = 0; repeat < ${repeats}; repeat++) { ${body} }
  return { ms: (performance.now() - start) / ${repeats} };
})()`;
}

/** One bare pass over every text node, reading its text: the least any text audit has to do. */
const TREE_WALKER_BODY = `
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  let length = 0;
  while (walker.nextNode()) length += walker.currentNode.nodeValue.length;
  globalThis.__benchSink = length;`;

const SYNC_AUDIT_BODY = `globalThis.__benchSink = globalThis.${ENGINE_GLOBAL}.auditDocument(document, { mode: 'browser' }).results.length;`;

/**
 * Every pass of a page runs this many times over, so the bare pass takes at least REPEAT_TARGET_MS in all; large
 * pages run once.
 */
const REPEAT_TARGET_MS = 5;
const MAX_REPEATS = 50;

function repeatsFor(bareMs: number): number {
  return Math.max(1, Math.min(MAX_REPEATS, Math.ceil(REPEAT_TARGET_MS / Math.max(bareMs, REPEAT_TARGET_MS / MAX_REPEATS))));
}

const PHASES_GLOBAL = 'LiangzhaoPhases';

const BASELINE_GLOBAL = 'LiangzhaoBaseline';

/**
 * The engine bundle of a git revision (`rules`, `utils` and `i18n` as they were there), exposing
 * `globalThis.LiangzhaoBaseline`. Unpacked under .tmp so its imports of packages resolve to this clone's node_modules.
 */
export async function baselineEngineBundle(ref: string): Promise<string> {
  const root = resolve(import.meta.dirname, '../..');
  const dir = join(root, '.tmp', `baseline-${ref.replace(/[^\w.-]/g, '_')}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = execFileSync('git', ['archive', '--format=tar', ref, 'rules', 'utils', 'i18n'], { cwd: root, maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  const result = await build({
    entryPoints: [join(dir, 'rules', 'browser-entry.ts')],
    bundle: true,
    format: 'iife',
    globalName: BASELINE_GLOBAL,
    platform: 'browser',
    target: 'chrome110',
    minify: true,
    write: false,
    alias: { '@': dir },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** The gatherer's parts, so the bench shows where the engine's time goes: the walk, and the walk plus detectors. */
async function phasesBundle(): Promise<string> {
  const root = resolve(import.meta.dirname, '../..');
  const result = await build({
    stdin: {
      contents: "export { walkDocument } from './rules/gather/walk'; export { gatherFacts } from './rules/collect';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: PHASES_GLOBAL,
    platform: 'browser',
    target: 'chrome110',
    minify: true,
    write: false,
    alias: { '@': root },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

const WALK_BODY = `
  const steps = globalThis.${PHASES_GLOBAL}.walkDocument(document, location.href, true);
  while (!steps.next().done);`;

const GATHER_BODY = `globalThis.${PHASES_GLOBAL}.gatherFacts(document, { url: location.href, mode: 'browser' });`;

/**
 * The async audit as the content script runs it on the page's thread: the sliced collection, the terms text where
 * the judging side asks for it, and the message's serialisation. The judgement itself runs in the service worker,
 * on another thread; here the terms question (a page-type classification) is asked in a task of its own. The page's
 * main-thread tasks meanwhile are read from a trace (`timedAsyncAudit`); the longtask observer is a second witness.
 */
const ASYNC_AUDIT = `(async () => {
  const longTasks = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
  try { observer.observe({ type: 'longtask' }); } catch {}
  const start = performance.now();
  const engine = globalThis.${ENGINE_GLOBAL};
  let collected = await engine.collectPageAsync(document, { mode: 'browser' }, () => false);
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (engine.termsTextWanted(collected)) collected = await engine.withTermsText(document, collected);
  JSON.stringify(collected);
  const total = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  return { total, longTasks };
})()`;

interface AsyncRun {
  total: number;
  /** The longest main-thread task of the page while the audit ran, from the trace or the longtask observer. */
  longestTask: number;
}

async function timedAsyncAudit(page: Page): Promise<AsyncRun> {
  const { result, events } = await traced(page, () => page.evaluate(ASYNC_AUDIT) as Promise<{ total: number; longTasks: number[] }>);
  return { total: result.total, longestTask: longestOf([...result.longTasks, ...pageMainThreadTasks(events, page.url())]) };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function openPage(browser: Browser, file: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 180_000 });
  await page.evaluate(waitForQuietScript(500, 5_000));
  await injectEngine(page);
  return page;
}

export async function benchEngine(
  browser: Browser,
  label: string,
  file: string,
  runs = 7,
  baselineBundle: string | null = null,
): Promise<EngineBench> {
  const page = await openPage(browser, file);
  try {
    await page.evaluate(await phasesBundle());
    if (baselineBundle) await page.evaluate(baselineBundle);
    const elements = (await page.evaluate('document.getElementsByTagName("*").length')) as number;
    // How many times over each pass runs, from the fastest of a few single bare passes.
    const single: number[] = [];
    for (let probe = 0; probe < 3; probe++) single.push(((await page.evaluate(repeated(TREE_WALKER_BODY, 1))) as { ms: number }).ms);
    const repeats = repeatsFor(Math.min(...single));
    const bodies = [TREE_WALKER_BODY, SYNC_AUDIT_BODY, WALK_BODY, GATHER_BODY];
    if (baselineBundle) bodies.push(SYNC_AUDIT_BODY.replace(ENGINE_GLOBAL, BASELINE_GLOBAL));
    const passes = bodies.map((body) => repeated(body, repeats));
    // One warm-up of each, so the JIT and style caches are not what is measured.
    for (const pass of passes) await page.evaluate(pass);
    // Interleaved, so a busy moment of the machine weighs on all of them alike.
    const [walker, engine, walk, gather, baseline]: number[][] = passes.map(() => []);
    for (let run = 0; run < runs; run++) {
      for (const [index, pass] of passes.entries()) {
        const timings = [walker, engine, walk, gather, baseline][index];
        timings.push(((await page.evaluate(pass)) as { ms: number }).ms);
      }
    }
    const asyncRuns: AsyncRun[] = [];
    for (let run = 0; run < Math.min(runs, 3); run++) asyncRuns.push(await timedAsyncAudit(page));
    const engineMs = median(engine);
    const treeWalkerMs = median(walker);
    return {
      page: label,
      elements,
      runs,
      repeats,
      engineMs,
      treeWalkerMs,
      ratio: engineMs / Math.max(treeWalkerMs, 0.001),
      walkMs: median(walk),
      gatherMs: median(gather),
      asyncTotalMs: median(asyncRuns.map((r) => r.total)),
      longestTaskMs: Math.max(...asyncRuns.map((r) => r.longestTask)),
      ...(baselineBundle
        ? { baselineEngineMs: median(baseline), baselineRatio: median(baseline) / Math.max(treeWalkerMs, 0.001) }
        : {}),
    };
  } finally {
    await page.close();
  }
}

/**
 * The async audit alone (`npm run bench -- --badge-only`): the engine's own time that the badge's target allows,
 * measured as the full bench measures it, after a warm-up, without the synchronous passes.
 */
export async function benchAsyncAudit(browser: Browser, label: string, file: string, runs = 3): Promise<Pick<EngineBench, 'page' | 'asyncTotalMs' | 'longestTaskMs'>> {
  const page = await openPage(browser, file);
  try {
    await page.evaluate(ASYNC_AUDIT);
    const asyncRuns: AsyncRun[] = [];
    for (let run = 0; run < Math.min(runs, 3); run++) asyncRuns.push(await timedAsyncAudit(page));
    return {
      page: label,
      asyncTotalMs: median(asyncRuns.map((r) => r.total)),
      longestTaskMs: Math.max(...asyncRuns.map((r) => r.longestTask)),
    };
  } finally {
    await page.close();
  }
}
