import { defineRule, hidden, notHidden, outcomeFor, toEvidence } from '../rule';

const outcome = outcomeFor('icp-number');

/**
 * G2 art. 8(2) asks for the ICP licence or filing information (or a link to it); MIIT's filing rules add that the
 * number links to the filing system (beian.miit.gov.cn). So: a well-formed number linked to MIIT passes; a
 * well-formed number without that link is disclosed but incomplete, which a person should judge (review); no
 * number, only a hidden one, or only malformed ones fail.
 */
export default defineRule({
  id: 'icp-number',
  group: 'filing',
  level: 'mandatory',
  basis: ['G2 art. 8(2)'],
  pageTypes: ['platform-home'],
  evaluate(facts) {
    const shown = notHidden(facts.icp);
    if (shown.length === 0) {
      const concealed = hidden(facts.icp);
      if (concealed.length > 0) return outcome('fail', 'fail_hidden', concealed.map(toEvidence));
      return outcome('fail', 'fail_missing');
    }
    const wellFormed = shown.filter((fact) => fact.valid);
    if (wellFormed.length === 0) {
      return outcome('fail', 'fail_malformed', shown.map(toEvidence), { number: shown[0].text });
    }
    const linked = wellFormed.find((fact) => fact.linked);
    if (linked) return outcome('pass', 'pass', [toEvidence(linked)], { number: linked.text });
    return outcome('review', 'review_unlinked', wellFormed.map(toEvidence), { number: wellFormed[0].text });
  },
});
