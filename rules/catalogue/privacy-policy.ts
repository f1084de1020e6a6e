import { defineRule, hidden, notHidden, outcomeFor, toEvidence } from '../rule';

const outcome = outcomeFor('privacy-policy');

/** G1 art. 15: the rules for collecting and using personal information are disclosed (a privacy policy). */
export default defineRule({
  id: 'privacy-policy',
  group: 'terms',
  level: 'mandatory',
  basis: ['G1 art. 15'],
  pageTypes: ['platform-home'],
  evaluate(facts) {
    const shown = notHidden(facts.terms.privacyPolicy);
    if (shown.length > 0) return outcome('pass', 'pass', shown.slice(0, 3).map(toEvidence), { label: shown[0].text });
    const concealed = hidden(facts.terms.privacyPolicy);
    if (concealed.length > 0) return outcome('fail', 'fail_hidden', concealed.map(toEvidence));
    return outcome('fail', 'fail_missing');
  },
});
