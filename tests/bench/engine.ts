/**
 * Engine timings in Chromium: the synchronous audit beside one bare TreeWalker pass over the same page's text
 * (median of several runs, as a ratio), and the longest main-thread task while auditDocumentAsync runs.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'puppeteer-core';
import { injectEngine, waitForQuietScript } from '../../cli/browser';
import { ENGINE_GLOBAL } from '../../cli/engine-bundle';

export interface EngineBench {
  page: string;
  elements: number;
  runs: number;
  engineMs: number;
  treeWalkerMs: number;
  ratio: number;
  /** The gatherer's walk alone (text stream, links, images), and the whole gather (walk plus detectors). */
  walkMs: number;
  gatherMs: number;
  asyncTotalMs: number;
  longestTaskMs: number;
  longTasks: number;
  /** With the built extension (bench/badge.ts): median ms from the load event to the tab's grade, and the most
   *  grades one load was given (1: the same content is never audited twice). */
  loadToBadgeMs?: number;
  auditsPerLoad?: number;
}

/** One bare pass over every text node, reading its text: the least any text audit has to do. */
const TREE_WALKER_PASS = `(() => {
  const start = performance.now();
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  let length = 0;
  while (walker.nextNode()) length += walker.currentNode.nodeValue.length;
  return { ms: performance.now() - start, length };
})()`;

const SYNC_AUDIT = `(() => {
  const start = performance.now();
  const result = globalThis.${ENGINE_GLOBAL}.auditDocument(document, { mode: 'browser' });
  return { ms: performance.now() - start, rules: result.results.length };
})()`;

const PHASES_GLOBAL = 'LiangzhaoPhases';

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

const WALK_PASS = `(() => {
  const start = performance.now();
  const steps = globalThis.${PHASES_GLOBAL}.walkDocument(document, location.href, true);
  while (!steps.next().done);
  return { ms: performance.now() - start };
})()`;

const GATHER_PASS = `(() => {
  const start = performance.now();
  globalThis.${PHASES_GLOBAL}.gatherFacts(document, { url: location.href, mode: 'browser' });
  return { ms: performance.now() - start };
})()`;

/**
 * The async audit, with two witnesses of main-thread blocking: the longtask observer (tasks over 50 ms) and a
 * ping-pong of macrotasks whose largest gap is the longest task that ran between them.
 */
const ASYNC_AUDIT = `(async () => {
  const longTasks = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
  try { observer.observe({ type: 'longtask' }); } catch {}
  let running = true, last = performance.now(), maxGap = 0;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
    if (running) channel.port2.postMessage(null);
  };
  channel.port2.postMessage(null);
  const start = performance.now();
  await globalThis.${ENGINE_GLOBAL}.auditDocumentAsync(document, { mode: 'browser' });
  const total = performance.now() - start;
  running = false;
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  channel.port1.close();
  return { total, maxGap, longTasks };
})()`;

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

export async function benchEngine(browser: Browser, label: string, file: string, runs = 7): Promise<EngineBench> {
  const page = await openPage(browser, file);
  try {
    await page.evaluate(await phasesBundle());
    const elements = (await page.evaluate('document.getElementsByTagName("*").length')) as number;
    // One warm-up of each, so the JIT and style caches are not what is measured.
    const passes = [TREE_WALKER_PASS, SYNC_AUDIT, WALK_PASS, GATHER_PASS];
    for (const pass of passes) await page.evaluate(pass);
    // Interleaved, so a busy moment of the machine weighs on all of them alike.
    const [walker, engine, walk, gather]: number[][] = passes.map(() => []);
    for (let run = 0; run < runs; run++) {
      walker.push(((await page.evaluate(TREE_WALKER_PASS)) as { ms: number }).ms);
      engine.push(((await page.evaluate(SYNC_AUDIT)) as { ms: number }).ms);
      walk.push(((await page.evaluate(WALK_PASS)) as { ms: number }).ms);
      gather.push(((await page.evaluate(GATHER_PASS)) as { ms: number }).ms);
    }
    const asyncRuns: Array<{ total: number; maxGap: number; longTasks: number[] }> = [];
    for (let run = 0; run < Math.min(runs, 3); run++) asyncRuns.push((await page.evaluate(ASYNC_AUDIT)) as (typeof asyncRuns)[number]);
    const engineMs = median(engine);
    const treeWalkerMs = median(walker);
    return {
      page: label,
      elements,
      runs,
      engineMs,
      treeWalkerMs,
      ratio: engineMs / Math.max(treeWalkerMs, 0.01),
      walkMs: median(walk),
      gatherMs: median(gather),
      asyncTotalMs: median(asyncRuns.map((r) => r.total)),
      longestTaskMs: Math.max(...asyncRuns.map((r) => Math.max(r.maxGap, ...r.longTasks))),
      longTasks: Math.max(...asyncRuns.map((r) => r.longTasks.length)),
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
    const asyncRuns: Array<{ total: number; maxGap: number; longTasks: number[] }> = [];
    for (let run = 0; run < Math.min(runs, 3); run++) asyncRuns.push((await page.evaluate(ASYNC_AUDIT)) as (typeof asyncRuns)[number]);
    return {
      page: label,
      asyncTotalMs: median(asyncRuns.map((r) => r.total)),
      longestTaskMs: Math.max(...asyncRuns.map((r) => Math.max(r.maxGap, ...r.longTasks))),
    };
  } finally {
    await page.close();
  }
}
