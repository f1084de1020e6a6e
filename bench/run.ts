/**
 * `npm run bench [-- --build] [--runs N]`: engine and bundle measurements in Chromium, printed as a table and
 * written to .tmp/bench-latest.json. Each area is its own module (bench/engine.ts, bench/bundle-size.ts); this
 * file only orchestrates, so other timings (popup, dashboard) can be added beside them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { launchChromium } from '../cli/browser';
import { contentScriptSize, engineBundleSize, type BundleSize } from './bundle-size';
import { benchEngine, type EngineBench } from './engine';
import { largestCorpusPage, writeGeneratedPage } from './pages';
import { benchUi, printUi } from './ui';

/** Targets from the engine issue: under 3× a bare TreeWalker pass, no main-thread task over 50 ms. */
export const TARGETS = { ratio: 3, longestTaskMs: 50 } as const;
const GENERATED_ELEMENTS = 50_000;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) || fallback : fallback;
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
      ratio: `${row.ratio.toFixed(2)}× (target < ${TARGETS.ratio}×)`,
      'of which walk / detectors': `${ms(row.walkMs)} / ${ms(Math.max(0, row.gatherMs - row.walkMs))}`,
      'async total': ms(row.asyncTotalMs),
      'longest task': `${ms(row.longestTaskMs)} (target < ${TARGETS.longestTaskMs})`,
    })),
  );
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

async function main(): Promise<void> {
  if (process.argv.includes('--build')) buildExtension();
  const runs = option('--runs', 7);
  const pages: Array<[string, string]> = [];
  const corpus = largestCorpusPage();
  if (corpus) pages.push([basename(corpus), corpus]);
  pages.push([`generated ${GENERATED_ELEMENTS} elements`, writeGeneratedPage(GENERATED_ELEMENTS)]);

  const session = await launchChromium();
  const engine: EngineBench[] = [];
  try {
    for (const [label, file] of pages) engine.push(await benchEngine(session.browser, label, file, runs));
  } finally {
    await session.close();
  }
  const sizes = [contentScriptSize(), await engineBundleSize()];
  printEngine(engine);
  printSizes(sizes);
  // Popup and dashboard with 10,000 stored audits: needs the built extension (bench/ui.ts).
  const ui = contentScriptSize() ? await benchUi({ runs: Math.min(runs, 5) }) : null;
  if (ui) printUi(ui);
  else console.log('popup and dashboard: not measured, the extension is not built (run with --build)');

  const report = {
    measuredAt: new Date().toISOString(),
    runs,
    targets: TARGETS,
    engine,
    bundles: sizes.filter(Boolean),
    ui,
  };
  mkdirSync('.tmp', { recursive: true });
  writeFileSync('.tmp/bench-latest.json', JSON.stringify(report, null, 2));
  console.log('Written to .tmp/bench-latest.json');
}

await main();
