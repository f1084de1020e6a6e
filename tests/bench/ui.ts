/**
 * Popup and dashboard first paint with 10,000 stored audits, in Chromium with the built extension
 * (`npm run bench` runs it after the engine; alone: `node --import tsx tests/bench/ui.ts [--runs N] [--extension DIR]`).
 *
 * Each run opens a fresh page and reads, from the page's own clock (ms since navigation start): first contentful
 * paint, "ready" (the popup's checklist and history drawn; the dashboard's first 50 rows and total drawn), and when
 * the page's own script had run (DOMContentLoaded ends after the module script's first render): what comes before
 * is the browser opening an extension page and loading its files, what comes after is the page waiting for its data
 * (the tab's answer, the database). The
 * dashboard also times a search keystroke and a re-sort until the new rows are drawn: indexed queries, no full scan.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import type { AuditResult } from '@/rules/types';
import { toStoredAudit, type StoredAudit } from '@/storage/db';
import { EXTENSION_PATH, launchWithExtension, serveFixtures, storedAudits, type ExtensionSession } from '../e2e/harness';
import { openAudited, seedAudits } from '../e2e/ui-helpers';

export const UI_AUDITS = 10_000;

export interface UiTiming {
  view: string;
  /** Median over the runs. */
  firstContentfulPaintMs: number;
  /** DOMContentLoaded's end: the HTML parsed and the module script run, its first render included. */
  scriptRanMs: number;
  readyMs: number;
  runs: number;
}

export interface UiBench {
  audits: number;
  timings: UiTiming[];
  /** Dashboard interactions with every audit stored, until the new rows are drawn: a search (including the 200 ms
   *  pause the search box waits for typing to stop) and a re-sort. */
  searchMs: number;
  sortMs: number;
}

const HOSTS = ['mall', 'shop', 'market', 'store', 'tmall', 'jd', 'pdd', 'vip'].flatMap((name) =>
  Array.from({ length: 25 }, (_, i) => `${name}${i}.example.cn`),
);

/** 10,000 audits over 200 hosts and 60 days, made from a real audit so every field is what the engine writes. */
export function syntheticAudits(template: AuditResult, count = UI_AUDITS): StoredAudit[] {
  const newest = Date.parse(template.auditedAt);
  return Array.from({ length: count }, (_, i) => {
    const host = HOSTS[i % HOSTS.length];
    const score = (i * 37) % 101;
    const failing = score < 70;
    return toStoredAudit({
      ...template,
      url: `https://${host}/item/${i % 97}.html`,
      title: `${['好物', '优选', '旗舰', '特价'][i % 4]}商城 商品 ${i}`,
      auditedAt: new Date(newest - (count - i) * 9 * 60_000).toISOString(),
      score,
      grade: score >= 90 ? 'A' : score >= 80 ? 'B' : score >= 70 ? 'C' : score >= 60 ? 'D' : 'F',
      verdict: failing ? 'fail' : 'pass',
      results: template.results.map((r, k) => ({ ...r, status: failing && k % 3 === i % 3 ? 'fail' : r.status })),
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface PaintTimes {
  fcp: number;
  scriptRan: number;
  stages: number[];
}

/** ms since navigation start at first contentful paint and when each of `stages` first holds, in order. */
async function paintTimes(page: Page, url: string, stages: string[]): Promise<PaintTimes> {
  // The page records the moments itself, checking every frame from its very start: polling from here would begin
  // only once goto has returned, later than a page that draws before its load event is reported.
  await page.evaluateOnNewDocument(`(() => {
    const times = [];
    window.__stageTimes = times;
    const checks = [${stages.map((stage) => `() => (${stage})`).join(', ')}];
    const check = () => {
      while (times.length < checks.length && checks[times.length]()) times.push(performance.now());
      if (times.length < checks.length) requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })()`);
  await page.goto(url);
  const handle = await page.waitForFunction(`window.__stageTimes.length === ${stages.length} && window.__stageTimes`, { timeout: 30_000 });
  const times = (await handle.jsonValue()) as number[];
  const { fcp, scriptRan } = await page.evaluate(async () => ({
    // The first paint may be of the ready frame itself (a page that draws once its data is in), painted after the
    // check above saw the frame's content: its entry is waited for.
    fcp: await new Promise<number>((resolve) => {
      new PerformanceObserver((entries, observer) => {
        const paint = entries.getEntriesByName('first-contentful-paint')[0];
        if (!paint) return;
        observer.disconnect();
        resolve(paint.startTime);
      }).observe({ type: 'paint', buffered: true });
      setTimeout(() => resolve(Number.NaN), 5_000);
    }),
    scriptRan: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventEnd ?? Number.NaN,
  }));
  return { fcp, scriptRan, stages: times };
}

async function timeUntil(page: Page, act: () => Promise<void>, done: string): Promise<number> {
  const start = await page.evaluate(() => performance.now());
  await act();
  await page.waitForFunction(done, { timeout: 30_000, polling: 'raf' });
  return (await page.evaluate(() => performance.now())) - start;
}

export async function benchUi(options: { runs?: number; extension?: string } = {}): Promise<UiBench> {
  const runs = options.runs ?? 5;
  const extension = options.extension ?? EXTENSION_PATH;
  if (!existsSync(extension)) throw new Error(`no test build at ${extension}: run "npm run build:e2e" first`);
  const site = await serveFixtures();
  let session: ExtensionSession | undefined;
  try {
    session = await launchWithExtension([], extension);
    const shop = await openAudited(session, `${site.origin}/compliant-home.html`);
    const template = (await storedAudits(session))[0].result as AuditResult;
    await seedAudits(session, syntheticAudits(template) as unknown as Array<Record<string, unknown>>);
    const total = UI_AUDITS + 1;

    const popupUrl = `chrome-extension://${session.extensionId}/popup.html?tab=${shop.tabId}`;
    const dashboardUrl = `chrome-extension://${session.extensionId}/dashboard.html`;
    const popupReady = `document.querySelector('.checklist') && document.querySelectorAll('.history li').length === 5`;
    const dashboardRows = `document.querySelectorAll('table.audits tbody tr').length === 50`;
    const dashboardReady = `${dashboardRows} &&
      document.querySelector('[data-testid="result-count"]')?.textContent.replace(/\\D/g, '') === '${total}'`;

    const popup: PaintTimes[] = [];
    const dashboard: PaintTimes[] = [];
    const searches: number[] = [];
    const sorts: number[] = [];
    for (let run = 0; run < runs; run++) {
      const page = await session.browser.newPage();
      await page.setViewport({ width: 420, height: 800 });
      popup.push(await paintTimes(page, popupUrl, [popupReady]));
      await page.close();

      const board = await session.browser.newPage();
      await board.setViewport({ width: 1280, height: 900 });
      dashboard.push(await paintTimes(board, dashboardUrl, [dashboardRows, dashboardReady]));
      // One host of 200: the search must answer from the terms index, not by reading 10,000 rows.
      const host = HOSTS[(run * 7) % HOSTS.length];
      searches.push(
        await timeUntil(
          board,
          // The whole host arrives as one input event (a paste): the time is the query's, plus the typing pause.
          () =>
            board.$eval(
              'input[type="search"]',
              (input, text) => {
                (input as HTMLInputElement).value = text;
                input.dispatchEvent(new Event('input', { bubbles: true }));
              },
              host,
            ),
          `document.querySelector('table.audits tbody tr .page-cell__url')?.textContent.includes('${host}') &&
           document.querySelector('[data-testid="result-count"]')?.textContent.replace(/\\D/g, '') === '${UI_AUDITS / HOSTS.length}'`,
        ),
      );
      await board.click('.filters button');
      await board.waitForFunction(dashboardReady, { timeout: 30_000 });
      sorts.push(
        await timeUntil(
          board,
          () => board.click('button.sort[data-column="score"]'),
          `document.querySelector('th[aria-sort="descending"] button')?.getAttribute('data-column') === 'score' &&
           document.querySelector('table.audits tbody tr td.num')?.textContent === '100'`,
        ),
      );
      await board.close();
    }
    return {
      audits: total,
      timings: [
        {
          view: 'popup: checklist and history drawn',
          firstContentfulPaintMs: median(popup.map((p) => p.fcp)),
          scriptRanMs: median(popup.map((p) => p.scriptRan)),
          readyMs: median(popup.map((p) => p.stages[0])),
          runs,
        },
        {
          view: 'dashboard: newest 50 rows drawn',
          firstContentfulPaintMs: median(dashboard.map((p) => p.fcp)),
          scriptRanMs: median(dashboard.map((p) => p.scriptRan)),
          readyMs: median(dashboard.map((p) => p.stages[0])),
          runs,
        },
        {
          view: 'dashboard: rows and total drawn',
          firstContentfulPaintMs: median(dashboard.map((p) => p.fcp)),
          scriptRanMs: median(dashboard.map((p) => p.scriptRan)),
          readyMs: median(dashboard.map((p) => p.stages[1])),
          runs,
        },
      ],
      searchMs: median(searches),
      sortMs: median(sorts),
    };
  } finally {
    await session?.close();
    await site.close();
  }
}

export function printUi(bench: UiBench): void {
  console.table(
    bench.timings.map((timing) => ({
      [`view (${bench.audits} audits stored)`]: timing.view,
      'script run (median)': `${timing.scriptRanMs.toFixed(1)} ms`,
      'first contentful paint (median)': `${timing.firstContentfulPaintMs.toFixed(1)} ms`,
      'ready (median)': `${timing.readyMs.toFixed(1)} ms`,
      runs: timing.runs,
    })),
  );
  console.table([
    { 'dashboard interaction': 'search one host (input to rows drawn, incl. 200 ms typing pause)', median: `${bench.searchMs.toFixed(1)} ms` },
    { 'dashboard interaction': 'sort by score (click to rows drawn)', median: `${bench.sortMs.toFixed(1)} ms` },
  ]);
}

if (process.argv[1]?.endsWith('bench/ui.ts')) {
  const option = (name: string) => {
    const index = process.argv.indexOf(name);
    return index >= 0 ? process.argv[index + 1] : undefined;
  };
  // --extension DIR: another test build (a copy of an earlier one), to compare a change under the same load.
  benchUi({ runs: Number(option('--runs')) || 5, extension: option('--extension') })
    .then(printUi)
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
