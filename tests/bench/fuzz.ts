/**
 * `npm run fuzz -- --pages N [--seed S] [--from I] [--max-ms 1000]`: audits N generated and mutated pages of 1 KB to 1 MB
 * (statically, in linkedom) and reports every crash and the slowest audits. The parse is timed apart: in a browser
 * the page is parsed by the browser, and linkedom's parse of a large page can take longer than the audit itself. The same seed gives the same pages, so
 * any input it reports can be made again (`--seed S --only I`); the slowest and the crashing ones are also written
 * to .tmp/fuzz/. Exit 1 when any page crashed or took longer than --max-ms.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { auditDocument } from '../../rules';
import * as hostile from '../support/hostile-pages';
import { seededRandom } from '../support/random';

export interface FuzzInput {
  index: number;
  kind: string;
  html: string;
}

export interface FuzzCase {
  index: number;
  kind: string;
  bytes: number;
  /** The audit alone. */
  ms: number;
  /** linkedom's parse of the input, before the audit. */
  parseMs: number;
  /** The first audit's time, when it was over the limit and the input was audited again (`ms` is the faster). */
  firstMs?: number;
}

export interface FuzzReport {
  seed: number;
  pages: number;
  crashes: Array<FuzzCase & { error: string }>;
  slowest: FuzzCase[];
  /** Every audit that took longer than the limit (`--max-ms`), not only the slowest few. */
  overLimit: FuzzCase[];
  totalMs: number;
}

const MIN_BYTES = 1024;
const MAX_BYTES = 1024 * 1024;
const SLOWEST = 10;
const DEFAULT_MAX_MS = 1000;


/** The repository's own saved pages: real markup to mutate. */
function corpusPages(): string[] {
  const dir = resolve('tests/fixtures/corpus/pages');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => readFileSync(join(dir, file), 'utf8'));
}

/** Pieces a mutation splices in: keywords, digit runs, stray markup, entities, long attributes. */
function splice(next: () => number, pick: <T>(items: readonly T[]) => T): string {
  const length = 1 + Math.floor(next() * 2000);
  return pick([
    () => pick(hostile.KEYWORDS).repeat(1 + Math.floor(next() * 50)),
    () => '1'.repeat(length),
    () => '12 34-56 '.repeat(Math.ceil(length / 9)),
    () => '<div>'.repeat(Math.min(length, 3000)),
    () => '</span></a></p>'.repeat(Math.ceil(length / 15)),
    () => `<p style="font-size:${'9'.repeat(length)}px;color:#fff;background:#fff">电话：021-60841111</p>`,
    () => `<a href="${'/x'.repeat(length)}">营业执照</a>`,
    () => `<a href="http://[${'a'.repeat(length)}">隐私政策</a>`,
    () => '&#x'.repeat(Math.ceil(length / 3)),
    () => `<img alt="${'京ICP备'.repeat(Math.ceil(length / 5))}">`,
    () => '<!--'.repeat(3),
    () => '\u3000\u00a0\t\n'.repeat(Math.ceil(length / 4)),
    () => 'ＩＣＰ备１２３４５６７８号－１'.repeat(1 + Math.floor(next() * 20)),
  ])();
}

/** Generated pages of every hostile kind, at a random size. */
function generated(next: () => number, pick: <T>(items: readonly T[]) => T, bytes: number): { kind: string; html: string } {
  const page = pick([
    () => hostile.digitRun(bytes),
    () => hostile.digitRun(bytes, pick(['倍', '倍违约金', '号', '元'])),
    () => hostile.separatedDigits(bytes),
    () => hostile.longStyleValues(Math.max(8, Math.floor(bytes / 20))),
    () => hostile.keywordRunOn(bytes),
    () => hostile.keywordSpans(Math.max(1, Math.floor(bytes / 40))),
    () => hostile.keywordLines(Math.max(1, Math.floor(bytes / 40))),
    () => hostile.deepNesting(Math.min(10_000, Math.max(2, Math.floor(bytes / 14)))),
    () => hostile.manyNodes(Math.max(8, Math.floor(bytes / 16))),
    () => hostile.hugeTextNode(bytes),
    () => hostile.manyLinks(Math.max(1, Math.floor(bytes / 90))),
  ])();
  // The generators' sizes are approximate: never past the largest size.
  return { kind: `generated: ${page.name.replace(/\d+/g, 'N')}`, html: page.html.slice(0, MAX_BYTES) };
}

/** A real page cut, repeated and spliced until it is about `bytes` long. */
function mutated(next: () => number, pick: <T>(items: readonly T[]) => T, corpus: string[], bytes: number): { kind: string; html: string } {
  let html = pick(corpus);
  const edits = 1 + Math.floor(next() * 8);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * html.length);
    const choice = next();
    if (choice < 0.5) html = html.slice(0, at) + splice(next, pick) + html.slice(at);
    else if (choice < 0.7) html = html.slice(0, at) + html.slice(Math.min(html.length, at + Math.floor(next() * 5000)));
    else {
      // A stretch of the page repeated: long product grids, duplicated footers.
      const piece = html.slice(at, at + 1 + Math.floor(next() * 4000));
      html = html.slice(0, at) + piece.repeat(1 + Math.floor(next() * 20)) + html.slice(at);
    }
  }
  while (html.length < bytes) html += html.slice(0, Math.min(html.length, bytes - html.length));
  return { kind: 'mutated corpus page', html: html.slice(0, bytes) };
}

/** Input `index` of a seed: each has its own generator, so it can be made again alone. */
export function fuzzInput(seed: number, index: number, corpus: string[] = corpusPages()): FuzzInput {
  const next = seededRandom(seed * 1_000_003 + index);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  // Sizes spread evenly on a log scale from 1 KB to 1 MB.
  const bytes = Math.round(MIN_BYTES * Math.pow(MAX_BYTES / MIN_BYTES, next()));
  const input = next() < 0.5 ? generated(next, pick, bytes) : mutated(next, pick, corpus, bytes);
  return { index, ...input };
}

/** Parses and audits one input; the parse is timed apart from the audit. */
function auditInput(input: FuzzInput): FuzzCase & { error: string | null } {
  const parsed = performance.now();
  let start = parsed;
  let error: string | null = null;
  try {
    const { document } = parseHTML(input.html);
    start = performance.now();
    const result = auditDocument(document as unknown as Document, { url: 'https://fuzz.example.cn/', mode: 'static' });
    // A detector that throws is caught by the gatherer; for the fuzzer it is a crash all the same.
    if (result.facts.gatherErrors.length) error = result.facts.gatherErrors.join('; ');
  } catch (caught) {
    error = (caught as Error).stack ?? String(caught);
  }
  const ms = performance.now() - start;
  return { index: input.index, kind: input.kind, bytes: input.html.length, ms, parseMs: start - parsed, error };
}

export function fuzz(options: {
  seed: number;
  pages: number;
  /** The first input's index (to split a long run over several processes). */
  from?: number;
  only?: number;
  /** An audit slower than this is kept in `overLimit`. */
  maxMs?: number;
  onProgress?: (done: number, report: FuzzReport) => void;
}): FuzzReport {
  const report: FuzzReport = { seed: options.seed, pages: 0, crashes: [], slowest: [], overLimit: [], totalMs: 0 };
  const maxMs = options.maxMs ?? DEFAULT_MAX_MS;
  const corpus = corpusPages();
  const from = options.from ?? 0;
  const indexes = options.only !== undefined ? [options.only] : Array.from({ length: options.pages }, (_, i) => from + i);
  for (const index of indexes) {
    const input = fuzzInput(options.seed, index, corpus);
    let found = auditInput(input);
    // One slow audit can be a pause of the machine or of the collector, not of the input: a slow input is slow
    // again, so only an input over the limit twice counts (its first time is kept beside the second).
    if (found.ms > maxMs && !found.error) {
      const again = auditInput(input);
      found = { ...again, firstMs: found.ms, ms: Math.min(found.ms, again.ms) };
    }
    const { error, ...timing } = found;
    const ms = timing.ms;
    report.pages++;
    report.totalMs += ms;
    if (error) report.crashes.push({ ...timing, error });
    if (ms > maxMs) report.overLimit.push(timing);
    report.slowest.push(timing);
    report.slowest.sort((a, b) => b.ms - a.ms);
    report.slowest.length = Math.min(report.slowest.length, SLOWEST);
    options.onProgress?.(report.pages, report);
  }
  return report;
}

function option(name: string): number | undefined {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : NaN;
  return Number.isFinite(value) ? value : undefined;
}

function main(): void {
  const pages = option('--pages') ?? 100;
  const seed = option('--seed') ?? 1;
  const maxMs = option('--max-ms') ?? DEFAULT_MAX_MS;
  const only = option('--only');
  const from = option('--from');
  const started = Date.now();
  const dir = resolve('.tmp/fuzz');
  mkdirSync(dir, { recursive: true });
  const report = fuzz({
    seed,
    pages,
    from,
    only,
    maxMs,
    onProgress: (done, partial) => {
      if (done % 250 !== 0) return;
      console.log(`${done} pages, ${partial.crashes.length} crashes, ${partial.overLimit.length} over ${maxMs} ms, ${Math.round((Date.now() - started) / 1000)} s`);
      // So a long run that is stopped still leaves its findings.
      writeFileSync(join(dir, `report-seed${seed}-from${from ?? 0}.json`), JSON.stringify(partial, null, 2));
    },
  });
  for (const index of new Set([...report.slowest, ...report.crashes, ...report.overLimit].map((item) => item.index))) {
    writeFileSync(join(dir, `seed${seed}-${index}.html`), fuzzInput(seed, index).html);
  }
  writeFileSync(join(dir, `report-seed${seed}-from${from ?? 0}.json`), JSON.stringify(report, null, 2));
  console.log(`${report.pages} pages (seed ${seed}), ${report.crashes.length} crashes, ${(report.totalMs / 1000).toFixed(1)} s in audits`);
  for (const crash of report.crashes) console.log(`CRASH #${crash.index} ${crash.kind} (${crash.bytes} B): ${crash.error.split('\n')[0]}`);
  console.table(report.slowest.map((item) => ({ input: item.index, kind: item.kind, bytes: item.bytes, 'audit ms': item.ms.toFixed(1), 'first try ms': item.firstMs?.toFixed(1) ?? '', 'parse ms': item.parseMs.toFixed(1) })));
  const slow = report.overLimit;
  console.log(`${slow.length} of ${report.pages} audits took over ${maxMs} ms`);
  console.log(`Inputs and report in .tmp/fuzz/ (again: npm run fuzz -- --seed ${seed} --only INDEX)`);
  if (report.crashes.length || slow.length) process.exitCode = 1;
}

if (process.argv[1]?.endsWith('bench/fuzz.ts')) main();
