import { defineRule, judgeClauses, TERMS_BEARING_PAGES } from '../rule';

/** Blanket refusals that exclude liability whatever happened; the enforcement cases name these. */
const UNAMBIGUOUS = /概不负责|概不承担|概不退换|售出(概)?不(退|换|退换)|不实行三包|(恕|一律|概)不(予)?(退换|退货|退款)|不予退换/;

/** G2 art. 10: no clause excluding or reducing the platform's liability (injury, fault, joint liability, data, breach). */
export default defineRule({
  id: 'no-liability-exclusion',
  group: 'unfair-terms',
  level: 'mandatory',
  basis: ['G2 art. 10'],
  pageTypes: TERMS_BEARING_PAGES,
  evaluate: (facts) => judgeClauses('no-liability-exclusion', facts, 'G2 art. 10', UNAMBIGUOUS),
});
