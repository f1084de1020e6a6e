import { defineRule, keyList, notHidden, outcomeFor, toEvidence } from '../rule';
import type { TermsKind } from '../types';

const outcome = outcomeFor('terms-links');

/** E-Commerce Law art. 33 names these two: the service agreement and the trading rules. */
const CORE: readonly TermsKind[] = ['userAgreement', 'tradingRules'];

export function termsKindKey(kind: TermsKind): string {
  return `terms_kind_${kind.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}`;
}

/**
 * G2 art. 7, G1 art. 11, E-Commerce Law art. 33: the standard terms, or links to them, on the home page. Both the
 * user/service agreement and the trading rules pass; one of them is incomplete (review, naming the other); neither
 * fails, whatever else is linked (privacy and dispute handling have their own rules). Only links of those two kinds
 * are its evidence: a privacy-policy link is no evidence for or against the agreement.
 */
export default defineRule({
  id: 'terms-links',
  group: 'terms',
  level: 'mandatory',
  basis: ['G2 art. 7', 'G1 art. 11', 'E-Commerce Law art. 33'],
  pageTypes: ['platform-home'],
  evaluate(facts) {
    const evidence = CORE.flatMap((kind) => notHidden(facts.terms[kind]).slice(0, 2)).map(toEvidence);
    const missing = CORE.filter((kind) => notHidden(facts.terms[kind]).length === 0);
    if (missing.length === 0) return outcome('pass', 'pass', evidence);
    if (missing.length === CORE.length) return outcome('fail', 'fail_missing', evidence);
    return outcome('review', 'review_partial', evidence, { missingKeys: keyList(missing.map(termsKindKey)) });
  },
});
