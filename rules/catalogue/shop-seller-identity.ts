import { defineRule, notHidden, outcomeFor, toEvidence } from '../rule';

const outcome = outcomeFor('shop-seller-identity');

/**
 * G1 art. 14 para. 2 (and E-Commerce Law art. 15 for every operator): a shop's main page shows the seller's
 * licence or its link (legal persons, firms); a natural person shows verified identity plus contact details.
 * A verified mark without any contact is half of what the article asks, so a person checks.
 */
export default defineRule({
  id: 'shop-seller-identity',
  group: 'seller',
  level: 'mandatory',
  basis: ['G1 art. 14 para. 2', 'E-Commerce Law art. 15'],
  pageTypes: ['shop'],
  evaluate(facts) {
    const licence = notHidden(facts.businessLicence).filter((fact) => fact.href);
    if (licence.length > 0) return outcome('pass', 'pass_licence', licence.map(toEvidence), { label: licence[0].text });
    const code = notHidden(facts.uscc).find((fact) => fact.labelled);
    if (code) return outcome('pass', 'pass_licence_text', [toEvidence(code)], { code: code.code });
    if (!facts.identityVerified) return outcome('fail', 'fail_missing');
    const contact = notHidden([...facts.phones, ...facts.emails, ...facts.addresses]);
    const identity = facts.identityEvidence.map(toEvidence);
    if (contact.length > 0) return outcome('pass', 'pass_identity', [...identity, ...contact.slice(0, 3).map(toEvidence)]);
    return outcome('review', 'review_no_contact', identity);
  },
});
