import type { Evidence, Facts } from '../types';
import { defineRule, notHidden, outcomeFor, toEvidence } from '../rule';

const outcome = outcomeFor('shop-seller-identity');

/** The block an element sits in: its selector without the last two steps (link, paragraph). */
function blockOf(selector: string): string | null {
  const steps = selector.split(' > ');
  return steps.length > 2 ? steps.slice(0, -2).join(' > ') : null;
}

/**
 * A shop page carries the platform's footer too: a licence in the same block as the platform's ICP or
 * public-security number is most likely the platform's own, not the seller's.
 */
function splitBySeller<T extends Evidence>(facts: Facts, items: readonly T[]): { seller: T[]; platform: T[] } {
  const platformBlocks = new Set([...facts.icp, ...facts.psb].map((fact) => blockOf(fact.selector)).filter(Boolean));
  const platform = items.filter((item) => platformBlocks.has(blockOf(item.selector)));
  return { seller: items.filter((item) => !platform.includes(item)), platform };
}

/**
 * G1 art. 14 para. 2 (and E-Commerce Law art. 15 for every operator): a shop's main page shows the seller's
 * licence or its link (legal persons, firms); a natural person shows verified identity plus contact details.
 * A verified mark without any contact is half of what the article asks, and a licence found only beside the
 * platform's filing numbers may be the platform's: both go to a person.
 */
export default defineRule({
  id: 'shop-seller-identity',
  group: 'seller',
  level: 'mandatory',
  basis: ['G1 art. 14 para. 2', 'E-Commerce Law art. 15'],
  pageTypes: ['shop'],
  evaluate(facts) {
    const licences = splitBySeller(facts, notHidden(facts.businessLicence).filter((fact) => fact.href || fact.target === 'image'));
    if (licences.seller.length > 0) {
      return outcome('pass', 'pass_licence', licences.seller.map(toEvidence), { label: licences.seller[0].text });
    }
    const codes = splitBySeller(facts, notHidden(facts.uscc).filter((fact) => fact.labelled));
    if (codes.seller.length > 0) return outcome('pass', 'pass_licence_text', [toEvidence(codes.seller[0])], { code: codes.seller[0].code });
    const identity = facts.identityEvidence.map(toEvidence);
    const contact = notHidden([...facts.phones, ...facts.emails, ...facts.addresses]);
    if (facts.identityVerified && contact.length > 0) {
      return outcome('pass', 'pass_identity', [...identity, ...contact.slice(0, 3).map(toEvidence)]);
    }
    if (facts.identityVerified) return outcome('review', 'review_no_contact', identity);
    const platformOnly = [...licences.platform, ...codes.platform];
    if (platformOnly.length > 0) return outcome('review', 'review_platform_licence', platformOnly.map(toEvidence));
    return outcome('fail', 'fail_missing');
  },
});
