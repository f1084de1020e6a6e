/**
 * Page signals for the page-type classifier: the address's path and host, the text's length, the link count, and
 * the features the model weighs (page-features.ts): what the page shows, counted.
 */
import type { PageSignals } from '../types';
import { matchText, type PageView } from '../gather/page';
import { urlParts } from '../gather/url';
import { detectPageFeatures } from './page-features';
import { runSteps, type Steps } from '../../utils/yield';

/** The classifier only needs the start of a huge page's text to read its structure words. */
const TEXT_SAMPLE = 200_000;

export function detectSignals(page: PageView): PageSignals {
  return runSteps(signalSteps(page));
}

/** detectSignals in steps: the features are passes over the text, after the fold of the walk's text a step before. */
export function* signalSteps(page: PageView): Steps<PageSignals> {
  const folded = matchText(page);
  const text = folded.length > TEXT_SAMPLE ? folded.slice(0, TEXT_SAMPLE) : folded;
  yield;
  return {
    ...urlParts(page.url),
    textLength: page.text.length,
    linkCount: page.links.length,
    features: detectPageFeatures(page, text),
  };
}
