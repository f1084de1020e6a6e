/**
 * `npm run fit:page-type [-- --lambda L] [--steps N] [--fold-steps N] [--cached] [--print]`: how well the page-type model types pages it has not seen, and
 * how its weights are fitted.
 *
 * The weights in rules/page-type-model.ts are fitted here: multinomial logistic regression over the model's own
 * entries (each entry's `from`/`cap` ramp is the input, one weight per type it names, plus each type's bias), L2
 * regularised (`--lambda`), each weight kept to the sign it was given by hand (a cart button may never speak against
 * an item page), by projected gradient descent. The pages are the labelled sets of tests/support/corpus.ts, audited
 * as the corpus test audits them.
 *
 * It prints three held-out figures (a page counts as right when its most probable type is its label):
 * - leave-one-out over all the labelled pages (fit on every page but one, type that one; each fold starts from the
 *   fit on every page and runs `--fold-steps` more steps without the held-out page, which is close to a fresh fit and
 *   much cheaper; with `--cold` every fit, each fold's too, starts from zero weights, keeping only the hand-set
 *   signs, which is the honest figure and takes minutes);
 * - cross-corpus: fit on the pagetype corpus and our own fixtures, type the real corpus, and the other way round;
 * - the fitted model on its own training pages, for comparison (and how many of those end uncertain).
 * With `--print` it prints the weights fitted on every page, as entries to paste into PAGE_TYPE_MODEL.
 */
import { parseHTML } from 'linkedom';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { decodeHtml } from '../../cli/load';
import { auditDocument } from '../../rules';
import { modelFeatures } from '../../rules/page-type';
import { PAGE_TYPE_MODEL, type FeatureWeight } from '../../rules/page-type-model';
import { PAGE_TYPES, type PageFeatures, type PageType } from '../../rules/types';
import { LABELLED_SETS, labelledBytes, labelledFileUrl } from '../support/corpus';

interface Sample {
  set: string;
  file: string;
  label: PageType;
  features: PageFeatures;
}

interface Model {
  bias: Record<PageType, number>;
  /** Per entry of PAGE_TYPE_MODEL.features, the weight of each type it names. */
  weights: Array<Partial<Record<PageType, number>>>;
}

const ENTRIES: readonly FeatureWeight[] = PAGE_TYPE_MODEL.features;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

function strength(entry: FeatureWeight, features: PageFeatures): number {
  if (entry.webOnly && !((features.webPage ?? 0) > 0)) return 0;
  const value = features[entry.feature] ?? 0;
  const from = entry.from ?? 0;
  if (value <= from) return 0;
  return Math.min(1, (value - from) / (entry.cap - from));
}

/** Auditing every page takes a while; `--cached` reuses the features of the last run (.tmp/page-type-samples.json). */
const CACHE = '.tmp/page-type-samples.json';

function samples(): Sample[] {
  if (process.argv.includes('--cached') && existsSync(CACHE)) return JSON.parse(readFileSync(CACHE, 'utf8'));
  const fresh = auditedSamples();
  mkdirSync('.tmp', { recursive: true });
  writeFileSync(CACHE, JSON.stringify(fresh));
  return fresh;
}

function auditedSamples(): Sample[] {
  return LABELLED_SETS.flatMap((set) =>
    set.labels.map((label) => {
      const { document } = parseHTML(decodeHtml(labelledBytes(set, label)));
      const audit = auditDocument(document as unknown as Document, { url: labelledFileUrl(set, label), mode: 'static' });
      return { set: set.name, file: label.file.split('/').pop()!, label: label.pageType, features: modelFeatures(audit.facts) };
    }),
  );
}

function scores(model: Model, inputs: Inputs): Record<PageType, number> {
  const result = { ...model.bias };
  for (const [index, amount] of inputs) {
    for (const [type, weight] of Object.entries(model.weights[index]) as Array<[PageType, number]>) result[type] += weight * amount;
  }
  return result;
}

function probabilities(model: Model, inputs: Inputs): Record<PageType, number> {
  const raw = scores(model, inputs);
  const top = Math.max(...PAGE_TYPES.map((type) => raw[type]));
  const exp = PAGE_TYPES.map((type) => Math.exp((raw[type] - top) / PAGE_TYPE_MODEL.temperature));
  const total = exp.reduce((sum, value) => sum + value, 0);
  return Object.fromEntries(PAGE_TYPES.map((type, index) => [type, exp[index] / total])) as Record<PageType, number>;
}

function currentModel(): Model {
  return { bias: { ...PAGE_TYPE_MODEL.bias }, weights: ENTRIES.map((entry) => ({ ...entry.weights })) };
}

/** The sign each weight must keep: the hand-set sign in the model (a weight at 0 may go either way). */
const SIGNS = ENTRIES.map((entry) => Object.fromEntries(Object.entries(entry.weights).map(([type, w]) => [type, Math.sign(w)])));

/** One page's non-zero inputs: [entry index, how far the entry's ramp has climbed]. */
type Inputs = Array<[number, number]>;

function inputsOf(sample: Sample): Inputs {
  return ENTRIES.map((entry, index) => [index, strength(entry, sample.features)] as [number, number]).filter(([, amount]) => amount > 0);
}

/** Every weight and bias at 0, for a fit that owes nothing to the shipped weights but their signs (`--cold`). */
function zeroModel(): Model {
  return {
    bias: Object.fromEntries(PAGE_TYPES.map((type) => [type, 0])) as Record<PageType, number>,
    weights: ENTRIES.map((entry) => Object.fromEntries(Object.keys(entry.weights).map((type) => [type, 0]))),
  };
}

function copyModel(model: Model): Model {
  return { bias: { ...model.bias }, weights: model.weights.map((weights) => ({ ...weights })) };
}

/**
 * Projected gradient descent on the mean cross-entropy plus lambda/2 × the sum of squared weights (biases free),
 * each weight clipped at 0 rather than cross its sign. Starts from `start` (the shipped weights, or a fit on more
 * pages for a leave-one-out fold).
 */
function fit(train: Sample[], lambda: number, steps = 3000, start: Model = currentModel(), rate = 0.5): Model {
  const model = copyModel(start);
  const inputs = train.map(inputsOf);
  for (let step = 0; step < steps; step++) {
    const biasGrad = Object.fromEntries(PAGE_TYPES.map((type) => [type, 0])) as Record<PageType, number>;
    const grads = model.weights.map((weights) => Object.fromEntries(Object.keys(weights).map((type) => [type, 0])) as Record<string, number>);
    train.forEach((sample, n) => {
      const p = probabilities(model, inputs[n]);
      for (const type of PAGE_TYPES) {
        const error = (p[type] - (sample.label === type ? 1 : 0)) / PAGE_TYPE_MODEL.temperature;
        biasGrad[type] += error;
        for (const [index, amount] of inputs[n]) if (type in grads[index]) grads[index][type] += error * amount;
      }
    });
    for (const type of PAGE_TYPES) model.bias[type] -= (rate * biasGrad[type]) / train.length;
    model.weights.forEach((weights, index) => {
      for (const type of Object.keys(weights) as PageType[]) {
        const next = weights[type]! - rate * (grads[index][type] / train.length + lambda * weights[type]!);
        const sign = SIGNS[index][type];
        weights[type] = sign > 0 ? Math.max(0, next) : sign < 0 ? Math.min(0, next) : next;
      }
    });
  }
  return model;
}

function predict(model: Model, sample: Sample): { type: PageType; uncertain: boolean } {
  const p = probabilities(model, inputsOf(sample));
  const [first, second] = [...PAGE_TYPES].sort((a, b) => p[b] - p[a]);
  const uncertain =
    p[first] < PAGE_TYPE_MODEL.minConfidence ||
    p[first] - p[second] < PAGE_TYPE_MODEL.minMargin ||
    ((sample.features.textLength ?? 0) < PAGE_TYPE_MODEL.minTextLength && first !== 'other');
  return { type: first, uncertain };
}

function share(right: number, total: number): string {
  return `${((right / total) * 100).toFixed(1)}% (${right}/${total})`;
}

function bySet(results: Array<{ sample: Sample; right: boolean }>): string {
  const sets = [...new Set(results.map((r) => r.sample.set))];
  return sets
    .map((set) => {
      const of = results.filter((r) => r.sample.set === set);
      return `${set} ${share(of.filter((r) => r.right).length, of.length)}`;
    })
    .join(', ');
}

function printWeights(model: Model): void {
  const r = (x: number) => Math.round(x * 100) / 100;
  console.log(`bias: ${JSON.stringify(Object.fromEntries(PAGE_TYPES.map((t) => [t, r(model.bias[t])])))}`);
  ENTRIES.forEach((entry, index) => {
    const weights = Object.fromEntries(Object.entries(model.weights[index]).map(([t, w]) => [t, r(w!)]).filter(([, w]) => w !== 0));
    console.log(`${entry.feature}${entry.from ? ` from ${entry.from}` : ''} cap ${entry.cap}: ${JSON.stringify(weights)}`);
  });
}

function main(): void {
  const lambda = option('--lambda', 0.01);
  const all = samples();
  console.log(`${all.length} labelled pages; lambda ${lambda}; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);

  const current = currentModel();
  const asShipped = all.map((sample) => ({ sample, ...predict(current, sample) }));
  console.log(
    `weights as shipped, on the labelled pages: ${bySet(asShipped.map((r) => ({ sample: r.sample, right: r.type === r.sample.label })))}; ` +
      `uncertain ${asShipped.filter((r) => r.uncertain).length}`,
  );

  const cold = process.argv.includes('--cold');
  const fitted = fit(all, lambda, option('--steps', 3000), cold ? zeroModel() : currentModel());
  const loo = all.map((sample, index) => {
    const train = all.filter((_, other) => other !== index);
    const model = cold ? fit(train, lambda, option('--steps', 3000), zeroModel()) : fit(train, lambda, option('--fold-steps', 300), fitted);
    const { type } = predict(model, sample);
    return { sample, right: type === sample.label, type };
  });
  console.log(`leave-one-out: ${share(loo.filter((r) => r.right).length, loo.length)}; ${bySet(loo)}`);
  for (const miss of loo.filter((r) => !r.right)) console.log(`  held out ${miss.sample.set}/${miss.sample.file}: ${miss.sample.label} → ${miss.type}`);

  for (const heldOut of ['real', 'pagetype']) {
    const model = fit(all.filter((s) => s.set !== heldOut), lambda, option('--steps', 3000), cold ? zeroModel() : currentModel());
    const tested = all.filter((s) => s.set === heldOut).map((sample) => ({ sample, right: predict(model, sample).type === sample.label }));
    console.log(`fitted without ${heldOut}, typing ${heldOut}: ${share(tested.filter((r) => r.right).length, tested.length)}`);
  }

  const own = all.map((sample) => ({ sample, ...predict(fitted, sample) }));
  console.log(
    `fitted on every page, on the same pages: ${bySet(own.map((r) => ({ sample: r.sample, right: r.type === r.sample.label })))}; ` +
      `uncertain ${own.filter((r) => r.uncertain).length}`,
  );
  if (process.argv.includes('--print')) printWeights(fitted);
}

main();
