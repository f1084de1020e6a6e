import { defineRule, judgeClauses, TERMS_BEARING_PAGES } from '../rule';

/** Forfeiting a consumer's stored value outright is an added liability with no reading in the consumer's favour. */
const UNAMBIGUOUS = /(过期|逾期)(作废|清零)/;

/** G2 art. 11: no clause adding liability (excessive damages, shifted liability, open-ended performance periods). */
export default defineRule({
  id: 'no-added-liability',
  group: 'unfair-terms',
  level: 'mandatory',
  basis: ['G2 art. 11'],
  pageTypes: TERMS_BEARING_PAGES,
  evaluate: (facts) => judgeClauses('no-added-liability', facts, 'G2 art. 11', UNAMBIGUOUS),
});
