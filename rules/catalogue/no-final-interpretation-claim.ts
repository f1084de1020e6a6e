import { defineRule, judgeClauses, TERMS_BEARING_PAGES } from '../rule';

/** 最终解释权归…所有: fined in Ningbo in 2022 and the target of a national campaign; void under G2 art. 13. */
const UNAMBIGUOUS = /最终解释权/;

/** G2 art. 13: disputed wording is read against the platform, so claiming the final right of interpretation is void. */
export default defineRule({
  id: 'no-final-interpretation-claim',
  group: 'unfair-terms',
  level: 'mandatory',
  basis: ['G2 art. 13'],
  pageTypes: TERMS_BEARING_PAGES,
  evaluate: (facts) => judgeClauses('no-final-interpretation-claim', facts, 'G2 art. 13', UNAMBIGUOUS),
});
