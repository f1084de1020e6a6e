import { COMMERCE_PAGES, defineRule, notHidden, outcomeFor, toEvidence } from '../rule';

const outcome = outcomeFor('uscc-check');

/**
 * A unified social credit code shown on the page should carry a correct GB 32100-2015 check character: the
 * disclosed licence information must be true (G2 art. 8 last para.). Some real codes are reported to fail the
 * check, so a mismatch is "suspect" and goes to a person (review), never a failure or proof of forgery.
 */
export default defineRule({
  id: 'uscc-check',
  group: 'licence',
  level: 'mandatory',
  basis: ['G1 art. 9', 'G2 art. 8 last para.'],
  pageTypes: COMMERCE_PAGES,
  evaluate(facts) {
    const codes = notHidden(facts.uscc);
    if (codes.length === 0) return outcome('na', 'na_none');
    const suspect = codes.filter((fact) => !fact.valid);
    if (suspect.length > 0) return outcome('review', 'review_suspect', suspect.map(toEvidence), { code: suspect[0].code });
    return outcome('pass', 'pass', codes.map(toEvidence), { code: codes[0].code });
  },
});
