import type { Evidence, Facts } from '../types';
import { TERMS_KINDS } from '../types';
import { COMMERCE_PAGES, defineRule, EVIDENCE_LIMIT, keyList, outcomeFor, toEvidence } from '../rule';

const outcome = outcomeFor('disclosures-visible');

/** Every disclosure the page makes, by kind, with the message key naming the kind. */
function disclosures(facts: Facts): Array<{ key: string; items: Evidence[] }> {
  return [
    { key: 'disclosure_kind_icp', items: facts.icp },
    { key: 'disclosure_kind_psb', items: facts.psb },
    { key: 'disclosure_kind_business_licence', items: [...facts.businessLicence, ...facts.uscc] },
    { key: 'disclosure_kind_contact', items: [...facts.phones, ...facts.emails, ...facts.addresses, ...facts.postalCodes] },
    { key: 'disclosure_kind_terms', items: TERMS_KINDS.flatMap((kind) => facts.terms[kind]) },
    { key: 'disclosure_kind_licences', items: facts.licences },
  ].filter((kind) => kind.items.length > 0);
}

/**
 * G2 art. 8 last para. (clear, identifiable, easy to reach) and G2 art. 9 para. 2 (nothing hidden by technical
 * means). A kind of disclosure found only in hidden content fails. Hidden items beside visible ones of the same
 * kind (often another company's block left in the template) are for a person to judge. A static parse cannot see
 * computed styles or layout: there the answer is "needs a browser" (review), never a guess.
 */
export default defineRule({
  id: 'disclosures-visible',
  group: 'presentation',
  level: 'mandatory',
  basis: ['G2 art. 8 last para.', 'G2 art. 9 para. 2'],
  pageTypes: COMMERCE_PAGES,
  evaluate(facts) {
    const kinds = disclosures(facts);
    if (kinds.length === 0) return outcome('na', 'na_nothing');
    const hiddenOnly = kinds.filter((kind) => kind.items.every((item) => item.visible === false));
    if (hiddenOnly.length > 0) {
      const evidence = hiddenOnly.flatMap((kind) => kind.items).slice(0, EVIDENCE_LIMIT).map(toEvidence);
      return outcome('fail', 'fail_hidden', evidence, { kindsKeys: keyList(hiddenOnly.map((kind) => kind.key)) });
    }
    const all = kinds.flatMap((kind) => kind.items);
    const concealed = all.filter((item) => item.visible === false);
    if (concealed.length > 0) {
      return outcome('review', 'review_extra_hidden', concealed.slice(0, EVIDENCE_LIMIT).map(toEvidence), {
        count: concealed.length,
      });
    }
    const unknown = all.filter((item) => item.visible === null);
    if (unknown.length > 0) return outcome('review', 'review_needs_browser', [], { count: unknown.length });
    return outcome('pass', 'pass', [], { count: all.length });
  },
});
