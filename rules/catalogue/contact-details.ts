import type { Evidence, Facts } from '../types';
import { defineRule, keyList, notHidden, outcomeFor, toEvidence } from '../rule';

const outcome = outcomeFor('contact-details');

/** The four items G2 art. 8(3) names, each with the message key that names it in a list. */
const ITEMS: ReadonlyArray<{ key: string; facts: (facts: Facts) => Evidence[] }> = [
  { key: 'contact_item_address', facts: (facts) => facts.addresses },
  { key: 'contact_item_postal_code', facts: (facts) => facts.postalCodes },
  { key: 'contact_item_phone', facts: (facts) => facts.phones },
  { key: 'contact_item_email', facts: (facts) => facts.emails },
];

/**
 * G2 art. 8(3): business address, postal code, telephone, e-mail. All four pass; none fails; some but not all is
 * a real but incomplete disclosure, which a person judges (review), naming what is missing.
 */
export default defineRule({
  id: 'contact-details',
  group: 'contact',
  level: 'mandatory',
  basis: ['G2 art. 8(3)'],
  pageTypes: ['platform-home'],
  evaluate(facts) {
    const found = ITEMS.map((item) => ({ key: item.key, shown: notHidden(item.facts(facts)) }));
    const evidence = found.flatMap((item) => item.shown.slice(0, 3)).map(toEvidence);
    const missing = found.filter((item) => item.shown.length === 0).map((item) => item.key);
    if (missing.length === ITEMS.length) return outcome('fail', 'fail_missing');
    if (missing.length === 0) return outcome('pass', 'pass', evidence);
    return outcome('review', 'review_partial', evidence, { missingKeys: keyList(missing) });
  },
});
