import { defineRule, hidden, notHidden, outcomeFor, toEvidence } from '../rule';

const outcome = outcomeFor('dispute-mechanism');

/**
 * G1 art. 19: a mechanism for consumer disputes and rights protection. A complaint/dispute-handling link or a
 * consumer-protection section is that mechanism made reachable; a hotline number alone is not (contact-details).
 */
export default defineRule({
  id: 'dispute-mechanism',
  group: 'terms',
  level: 'mandatory',
  basis: ['G1 art. 19'],
  pageTypes: ['platform-home'],
  evaluate(facts) {
    const all = [...facts.terms.disputeResolution, ...facts.terms.consumerProtection];
    const shown = notHidden(all);
    if (shown.length > 0) return outcome('pass', 'pass', shown.slice(0, 3).map(toEvidence), { label: shown[0].text });
    const concealed = hidden(all);
    if (concealed.length > 0) return outcome('fail', 'fail_hidden', concealed.map(toEvidence));
    return outcome('fail', 'fail_missing');
  },
});
