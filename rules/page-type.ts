import { PAGE_TYPE_MODEL, type FeatureWeight } from './page-type-model';
import type { Facts, PageClassification, PageFeatures, PageType, PageTypeCandidate, PageTypeFeature } from './types';
import { PAGE_TYPES } from './types';

/** How far a feature's value has climbed from `from` to `cap`, 0–1. */
function strength(entry: FeatureWeight, value: number): number {
  const from = entry.from ?? 0;
  if (value <= from) return 0;
  return Math.min(1, (value - from) / (entry.cap - from));
}

/** A site's own disclosures (ICP, public-security filing, licence) mark its main pages, whatever their words. */
function siteDisclosures(facts: Facts): number {
  return [facts.icp, facts.psb, facts.businessLicence].filter((found) => found?.some((fact) => fact.visible !== false)).length;
}

/** The features the model reads: the gatherer's counts plus what the other facts say. */
export function modelFeatures(facts: Facts): PageFeatures {
  return { ...(facts.signals?.features ?? {}), siteDisclosures: siteDisclosures(facts) };
}

function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/**
 * The page-type model: each feature in PAGE_TYPE_MODEL adds points to the types it weighs, the scores become
 * probabilities through a softmax, and the most probable type wins. A page whose winner is not clearly ahead is
 * `uncertain`: its type is still the most probable one, and the audit asks a person to confirm it. Facts stored
 * before the model have no features and come out `other`, uncertain only if something else is close.
 */
export function classifyPageType(facts: Facts): PageClassification {
  const features = modelFeatures(facts);
  const web = (features.webPage ?? 0) > 0;
  const scores = { ...PAGE_TYPE_MODEL.bias } as Record<PageType, number>;
  const contributions: PageTypeFeature[] = [];
  for (const entry of PAGE_TYPE_MODEL.features) {
    if (entry.webOnly && !web) continue;
    const value = features[entry.feature] ?? 0;
    const amount = strength(entry, value);
    if (amount === 0) continue;
    for (const [type, weight] of Object.entries(entry.weights) as Array<[PageType, number]>) {
      const points = weight * amount;
      scores[type] += points;
      contributions.push({ feature: entry.feature, value, type, points: round(points) });
    }
  }
  const top = Math.max(...PAGE_TYPES.map((type) => scores[type]));
  const exp = PAGE_TYPES.map((type) => Math.exp((scores[type] - top) / PAGE_TYPE_MODEL.temperature));
  const total = exp.reduce((sum, value) => sum + value, 0);
  const candidates: PageTypeCandidate[] = PAGE_TYPES.map((type, index) => ({
    type,
    score: round(scores[type]),
    probability: round(exp[index] / total),
  })).sort((a, b) => b.probability - a.probability || PAGE_TYPES.indexOf(a.type) - PAGE_TYPES.indexOf(b.type));
  const [first, second] = candidates;
  const uncertain =
    first.probability < PAGE_TYPE_MODEL.minConfidence ||
    first.probability - second.probability < PAGE_TYPE_MODEL.minMargin ||
    ((features.textLength ?? 0) < PAGE_TYPE_MODEL.minTextLength &&
      first.type !== 'other' &&
      (features.headCommerce ?? 0) < PAGE_TYPE_MODEL.headCommerceForShell);
  const between = contributions.filter((item) => item.type === first.type || item.type === second.type);
  const kept = new Set(
    netFeatures(between, first.type)
      .slice(0, PAGE_TYPE_MODEL.keptFeatures)
      .map((item) => item.feature),
  );
  const deciding = between.filter((item) => kept.has(item.feature)).sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  return { type: first.type, confidence: first.probability, uncertain, candidates, features: deciding };
}

/** One feature's say between the winner and the runner-up: points for the winner minus points for the runner-up. */
export interface NetFeature {
  feature: string;
  value: number;
  /** Above 0 the feature speaks for `winner`, below 0 for the runner-up. */
  net: number;
}

/**
 * Each feature once, with its net say: a feature gives points to both likeliest types (a cart menu speaks for a shop
 * and for a marketplace), and some features have two entries (one cart button is an item, forty are a listing), so
 * the points are summed per feature, the winner's minus the runner-up's. Strongest first; a feature that says
 * nothing between the two is left out.
 */
export function netFeatures(features: readonly PageTypeFeature[], winner: PageType): NetFeature[] {
  const byFeature = new Map<string, NetFeature>();
  for (const item of features) {
    const entry = byFeature.get(item.feature) ?? { feature: item.feature, value: item.value, net: 0 };
    entry.net += item.type === winner ? item.points : -item.points;
    byFeature.set(item.feature, entry);
  }
  return [...byFeature.values()]
    .map((entry) => ({ ...entry, net: round(entry.net) }))
    .filter((entry) => entry.net !== 0)
    .sort((a, b) => Math.abs(b.net) - Math.abs(a.net));
}

/** The most probable page type (see classifyPageType for the confidence and the reasons). */
export function classifyPage(facts: Facts): PageType {
  return classifyPageType(facts).type;
}
