import { defineRule, judgeClauses, TERMS_BEARING_PAGES } from '../rule';

/** Giving up the right to sue, or keeping the final say on changes, excludes a right in so many words. */
const UNAMBIGUOUS = /放弃[^，。；,;]{0,12}(诉讼|起诉)|保留[^，。；,;]{0,10}?最终(修改|决定)(决定)?权/;

/** G2 art. 12: no clause excluding the right to modify, rescind, suspend, claim remedies, sue or arbitrate. */
export default defineRule({
  id: 'no-rights-exclusion',
  group: 'unfair-terms',
  level: 'mandatory',
  basis: ['G2 art. 12'],
  pageTypes: TERMS_BEARING_PAGES,
  evaluate: (facts) => judgeClauses('no-rights-exclusion', facts, 'G2 art. 12', UNAMBIGUOUS),
});
