/**
 * `npm run bench [-- --build] [--runs N] [--only NAME] [--engine-only] [--no-exports] [--no-hostile] [--badge-only] [--baseline REF]`: engine and bundle measurements in Chromium on
 * every corpus page and on generated 10k, 50k and 200k-element pages, medians of at least 7 interleaved runs, every
 * figure against its target in one table beside the machine's load average, written to .tmp/bench-latest.json.
 * Each area is its own module (tests/bench/engine.ts, tests/bench/bundle-size.ts, tests/bench/ui.ts, tests/bench/exports.ts,
 * tests/bench/hostile.ts); this file only orchestrates, so other
 * timings (popup, dashboard) can be added beside them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename } from 'node:path';
import { launchChromium } from '../../cli/browser';
import { contentScriptBreakdown, contentScriptSize, engineBundleSize, type BundleSize } from './bundle-size';
import { baselineEngineBundle, benchAsyncAudit, benchEngine, median, type EngineBench } from './engine';
import { corpusPages, writeGeneratedPage, writeGeneratedTermsPage } from './pages';
import { benchExports, printExports, type ExportBench } from './exports';
import { benchUi, printUi, type UiBench } from './ui';
import { benchBadge } from './badge';
import { benchHostile, printHostile, type HostileTiming } from './hostile';

/**
 * Targets from the engine issue: the engine's median page at most 3× a bare TreeWalker pass and its worst page at
 * most 5×, no main-thread task over 50 ms during the async audit; the content script at most 70 KB; the popup's
 * first render at most 150 ms and the dashboard's rows and total at most 300 ms with 10,000 audits; exporting
 * 10,000 audits as CSV in at most 1 s and as JSON in at most 2 s; a ZIP bundle and an import of 2,000 audits with no
 * main-thread task over 50 ms.
 */
export const TARGETS = {
  ratio: 3,
  worstRatio: 5,
  longestTaskMs: 50,
  contentScriptKiB: 70,
  /** The badge at most this long after the page's load event, beyond the engine's own (async) audit time. */
  badgeAfterEngineMs: 300,
  popupReadyMs: 150,
  dashboardReadyMs: 300,
  csvExportMs: 1_000,
  jsonExportMs: 2_000,
  bundleLongestTaskMs: 50,
  importLongestTaskMs: 50,
} as const;
const GENERATED_ELEMENTS = [10_000, 50_000, 200_000];
/** A long agreement, so the terms extraction's share of a terms page's audit is measured too. */
const GENERATED_TERMS_CLAUSES = 3_000;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) || fallback : fallback;
}

function textOption(name: string): string | null {
  const index = process.argv.indexOf(name);
  return index >= 0 ? (process.argv[index + 1] ?? null) : null;
}

/** The build a person loads (its content script is measured) and the test build the UI timings load. */
function buildExtension(): void {
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  execFileSync('npm', ['run', 'build:e2e'], { stdio: 'inherit' });
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

function printEngine(rows: EngineBench[]): void {
  console.table(
    rows.map((row) => ({
      page: row.page,
      elements: row.elements,
      'engine (median)': ms(row.engineMs),
      'TreeWalker (median)': ms(row.treeWalkerMs),
      repeats: row.repeats,
      ratio: `${row.ratio.toFixed(2)}×`,
      ...(row.baselineRatio === undefined ? {} : { 'baseline ratio': `${row.baselineRatio.toFixed(2)}×` }),
      'of which walk / detectors': `${ms(row.walkMs)} / ${ms(Math.max(0, row.gatherMs - row.walkMs))}`,
      'async total': ms(row.asyncTotalMs),
      'longest task': ms(row.longestTaskMs),
      'load → badge': row.loadToBadgeMs === undefined ? 'not measured' : ms(row.loadToBadgeMs),
      'badge target': ms(badgeTargetMs(row)),
      'audits per load': row.auditsPerLoad ?? '-',
      'content script in the tab': row.contentScriptMs === undefined ? 'not measured' : ms(row.contentScriptMs),
      'its longest task': row.contentScriptLongestTaskMs === undefined ? 'not measured' : ms(row.contentScriptLongestTaskMs),
    })),
  );
}

/** Load to badge may take the engine's own time on the page and 300 ms more (messaging, worker, badge). */
function badgeTargetMs(row: EngineBench): number {
  return TARGETS.badgeAfterEngineMs + row.asyncTotalMs;
}

/**
 * The same allowance with the engine's time as the tab itself spent it: the content script's main-thread time from
 * the load event to the grade (its first audit of the page, cold), so what is left is the waiting, scheduling,
 * messaging and the page's own tasks in between.
 */
function badgeTargetInTabMs(row: EngineBench): number | null {
  return row.contentScriptMs === undefined || Number.isNaN(row.contentScriptMs) ? null : TARGETS.badgeAfterEngineMs + row.contentScriptMs;
}

/** The worst page's value of `of`, or null when no page has one. */
function worst(engine: readonly EngineBench[], of: (page: EngineBench) => number | null | undefined): number | null {
  const values = engine.map(of).filter((value): value is number => typeof value === 'number' && !Number.isNaN(value));
  return values.length ? Math.max(...values) : null;
}

export interface TargetRow {
  figure: string;
  value: number | null;
  unit: string;
  target: number;
  met: boolean | null;
}

/** Every figure against its target, in one table; a figure not measured in this run says so. */
function targetRows(
  engine: EngineBench[],
  contentScript: BundleSize | null,
  ui: UiBench | null,
  exports: ExportBench | null,
  hostile: HostileTiming[] | null,
): TargetRow[] {
  const row = (figure: string, value: number | null, unit: string, target: number): TargetRow => ({
    figure,
    value,
    unit,
    target,
    met: value === null ? null : value <= target,
  });
  const ratios = engine.map((page) => page.ratio);
  const ready = (view: string) => ui?.timings.find((timing) => timing.view.startsWith(view))?.readyMs ?? null;
  const task = (name: string) => exports?.timings.find((timing) => timing.task.startsWith(name)) ?? null;
  return [
    row(`engine ÷ TreeWalker, median of ${engine.length} pages`, ratios.length ? median(ratios) : null, '×', TARGETS.ratio),
    row('engine ÷ TreeWalker, worst page', ratios.length ? Math.max(...ratios) : null, '×', TARGETS.worstRatio),
    ...(engine.some((page) => page.baselineRatio !== undefined)
      ? [
          row('baseline engine ÷ TreeWalker, median', median(engine.map((page) => page.baselineRatio ?? 0)), '×', TARGETS.ratio),
          row('baseline engine ÷ TreeWalker, worst page', Math.max(...engine.map((page) => page.baselineRatio ?? 0)), '×', TARGETS.worstRatio),
        ]
      : []),
    row('longest task during the async audit, worst page', worst(engine, (page) => page.longestTaskMs), 'ms', TARGETS.longestTaskMs),
    row("the content script's longest task in a tab (its first audit of the page), worst page", worst(engine, (page) => page.contentScriptLongestTaskMs), 'ms', TARGETS.longestTaskMs),
    row(
      'load → badge beyond its target (300 ms + async engine time), worst page',
      worst(engine, (page) => (page.loadToBadgeMs === undefined ? null : page.loadToBadgeMs - badgeTargetMs(page))),
      'ms',
      0,
    ),
    row(
      "load → badge beyond 300 ms + the content script's own time in that tab after load, worst page",
      worst(engine, (page) => {
        const target = badgeTargetInTabMs(page);
        return page.loadToBadgeMs === undefined || target === null ? null : page.loadToBadgeMs - target;
      }),
      'ms',
      0,
    ),
    row(
      "hostile pages in a tab: the extension's longest task, worst page",
      hostile?.length ? Math.max(...hostile.map((page) => page.extensionLongestTaskMs)) : null,
      'ms',
      TARGETS.longestTaskMs,
    ),
    row('audits per page load, worst page', engine.some((page) => page.auditsPerLoad !== undefined) ? Math.max(...engine.map((page) => page.auditsPerLoad ?? 0)) : null, '', 1),
    row('content script, minified', contentScript ? contentScript.bytes / 1024 : null, 'KiB', TARGETS.contentScriptKiB),
    row('popup: checklist and history drawn (10,000 audits)', ready('popup'), 'ms', TARGETS.popupReadyMs),
    row('dashboard: rows and total drawn (10,000 audits)', ready('dashboard: rows and total'), 'ms', TARGETS.dashboardReadyMs),
    row('export CSV of 10,000 audits', task('export CSV')?.durationMs ?? null, 'ms', TARGETS.csvExportMs),
    row('export JSON of 10,000 audits', task('export JSON')?.durationMs ?? null, 'ms', TARGETS.jsonExportMs),
    row('ZIP bundle of 2,000 audits: longest task', task('export ZIP')?.longestTaskMs ?? null, 'ms', TARGETS.bundleLongestTaskMs),
    row('import of 2,000 audits: longest task', task('import')?.longestTaskMs ?? null, 'ms', TARGETS.importLongestTaskMs),
  ];
}

function printTargets(rows: TargetRow[], load: { before: number[]; after: number[] }): void {
  console.table(
    rows.map((row) => ({
      figure: row.figure,
      measured: row.value === null ? 'not measured' : `${row.value.toFixed(row.unit === '×' ? 2 : 1)} ${row.unit}`,
      target: `≤ ${row.target} ${row.unit}`,
      met: row.met === null ? '-' : row.met ? 'yes' : 'NO',
    })),
  );
  const format = (values: number[]) => values.map((value) => value.toFixed(2)).join(' / ');
  console.log(`load average (1 / 5 / 15 min): ${format(load.before)} before, ${format(load.after)} after`);
}

function printSizes(sizes: Array<BundleSize | null>): void {
  console.table(
    sizes.map((size) =>
      size
        ? { file: size.file, bytes: size.bytes, 'KiB': (size.bytes / 1024).toFixed(1), 'gzip KiB': (size.gzipBytes / 1024).toFixed(1) }
        : { file: 'content script: not built (run with --build)', bytes: 0, 'KiB': '-', 'gzip KiB': '-' },
    ),
  );
}

/**
 * `--badge-only`: load to badge against its target on every page, and nothing else: the async audit per page (the
 * engine's own time the target allows), then the badge with the test build. Printed, not written to
 * .tmp/bench-latest.json, whose rows need the full run.
 */
async function badgeOnly(pages: Array<[string, string]>, runs: number): Promise<void> {
  const load = { before: loadavg(), after: [] as number[] };
  const session = await launchChromium();
  const engine: Array<Awaited<ReturnType<typeof benchAsyncAudit>>> = [];
  try {
    for (const [label, file] of pages) engine.push(await benchAsyncAudit(session.browser, label, file, runs));
  } finally {
    await session.close();
  }
  const badges = await benchBadge(pages, { runs });
  load.after = loadavg();
  console.table(
    engine.map((row) => {
      const badge = badges.get(row.page);
      const target = TARGETS.badgeAfterEngineMs + row.asyncTotalMs;
      return {
        page: row.page,
        'async engine': ms(row.asyncTotalMs),
        'load → badge': badge ? ms(badge.loadToBadgeMs) : 'not measured',
        'badge target': ms(target),
        met: badge ? (badge.loadToBadgeMs <= target ? 'yes' : 'NO') : '-',
        'audits per load': badge?.auditsPerLoad ?? '-',
        'content script in the tab': badge ? ms(badge.contentScriptMs) : 'not measured',
        'its longest task': badge ? ms(badge.contentScriptLongestTaskMs) : 'not measured',
        runs: badge?.runs ?? 0,
      };
    }),
  );
  const format = (values: number[]) => values.map((value) => value.toFixed(2)).join(' / ');
  console.log(`load average (1 / 5 / 15 min): ${format(load.before)} before, ${format(load.after)} after`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--build')) buildExtension();
  const runs = Math.max(7, option('--runs', 7));
  // `--only NAME`: the pages whose label holds NAME (a quick look at one page; the full run measures them all).
  const only = textOption('--only');
  const pages: Array<[string, string]> = corpusPages().map((file) => [basename(file), file]);
  for (const elements of GENERATED_ELEMENTS) pages.push([`generated ${elements} elements`, writeGeneratedPage(elements)]);
  pages.push([`generated terms ${GENERATED_TERMS_CLAUSES} clauses`, writeGeneratedTermsPage(GENERATED_TERMS_CLAUSES)]);
  const measured = only ? pages.filter(([label]) => label.includes(only)) : pages;
  if (process.argv.includes('--badge-only')) return badgeOnly(measured, runs);

  // `--baseline REF`: the engine of that git revision timed beside this one on every page, interleaved.
  const baselineRef = textOption('--baseline');
  const baseline = baselineRef ? await baselineEngineBundle(baselineRef) : null;

  const load = { before: loadavg(), after: [] as number[] };
  const session = await launchChromium();
  const engine: EngineBench[] = [];
  try {
    for (const [label, file] of measured) {
      engine.push(await benchEngine(session.browser, label, file, runs, baseline));
      const last = engine[engine.length - 1];
      console.log(`${label}: ${last.ratio.toFixed(2)}×${last.baselineRatio === undefined ? "" : ` (baseline ${last.baselineRatio.toFixed(2)}×)`} ×${last.repeats}`);
    }
  } finally {
    await session.close();
  }
  const contentScript = contentScriptSize();
  const sizes = [contentScript, await engineBundleSize()];
  // One area that breaks (a page that never loads, a browser that stops answering) is reported beside the table,
  // and the figures of every other area are still printed and written.
  const failures: string[] = [];
  const measure = async <T>(area: string, run: () => Promise<T>): Promise<T | null> => {
    try {
      return await run();
    } catch (error) {
      failures.push(`${area}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  };
  // Load to badge with the test build, on the same pages (bench/badge.ts).
  const measureExtension = contentScript !== null && !process.argv.includes('--engine-only');
  const badges = measureExtension ? await measure('load to badge', () => benchBadge(measured, { runs })) : null;
  for (const row of engine) {
    const badge = badges?.get(row.page);
    Object.assign(row, {
      loadToBadgeMs: badge?.loadToBadgeMs,
      auditsPerLoad: badge?.auditsPerLoad,
      contentScriptMs: badge?.contentScriptMs,
      contentScriptLongestTaskMs: badge?.contentScriptLongestTaskMs,
    });
  }
  // Popup and dashboard with 10,000 stored audits: needs the built extension (bench/ui.ts).
  const ui = measureExtension ? await measure('popup and dashboard', () => benchUi({ runs: Math.min(runs, 5) })) : null;
  // Exports and imports through the dashboard's buttons, 10,000 and 2,000 audits (bench/exports.ts).
  const exports = measureExtension && !process.argv.includes('--no-exports') ? await measure('exports and import', () => benchExports({ runs: Math.min(runs, 5) })) : null;
  // Hostile pages in a tab with the extension, beside the same pages without it (bench/hostile.ts).
  const hostile =
    measureExtension && !only && !process.argv.includes('--no-hostile') ? await measure('hostile pages', () => benchHostile({ runs: Math.min(runs, 3) })) : null;
  load.after = loadavg();

  printEngine(engine);
  printSizes(sizes);
  const breakdown = await contentScriptBreakdown();
  console.table(breakdown.map(({ part, bytes }) => ({ 'content script part': part, 'KiB (minified)': (bytes / 1024).toFixed(1) })));
  if (ui) printUi(ui);
  else console.log('popup and dashboard: not measured (build the extension with --build; --engine-only skips them)');
  if (exports) printExports(exports);
  else console.log('exports and import: not measured (build the extension with --build; --engine-only or --no-exports skips them)');
  if (hostile) printHostile(hostile);
  else console.log('hostile pages: not measured (build the extension with --build; --engine-only or --no-hostile skips them)');
  const targets = targetRows(engine, contentScript, ui, exports, hostile);
  printTargets(targets, load);
  for (const failure of failures) console.error(`not measured, failed: ${failure}`);
  if (failures.length > 0) process.exitCode = 1;

  const report = {
    measuredAt: new Date().toISOString(),
    runs,
    loadAverage: load,
    targets: TARGETS,
    summary: targets,
    engine,
    bundles: sizes.filter(Boolean),
    contentScriptParts: breakdown,
    ui,
    exports,
    hostile,
    failures,
  };
  mkdirSync('.tmp', { recursive: true });
  writeFileSync('.tmp/bench-latest.json', JSON.stringify(report, null, 2));
  console.log('Written to .tmp/bench-latest.json');
}

await main();
