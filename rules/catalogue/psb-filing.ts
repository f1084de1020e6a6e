import { defineRule, hidden, notHidden, outcomeFor, toEvidence } from '../rule';

const outcome = outcomeFor('psb-filing');

/**
 * The public-security filing number (公网安备), one of the "other information required by law" of G2 art. 8(4).
 * No official format specification exists, so only absence fails: a 12-digit or bureau-style number, a division
 * code that disagrees with the province, a missing link or a link to other digits all ask a person to check.
 */
export default defineRule({
  id: 'psb-filing',
  group: 'filing',
  level: 'mandatory',
  basis: ['G2 art. 8(4)'],
  pageTypes: ['platform-home'],
  evaluate(facts) {
    const shown = notHidden(facts.psb);
    if (shown.length === 0) {
      const concealed = hidden(facts.psb);
      if (concealed.length > 0) return outcome('fail', 'fail_hidden', concealed.map(toEvidence));
      return outcome('fail', 'fail_missing');
    }
    const good = shown.find((fact) => fact.valid && fact.linked && fact.linkMatches !== false);
    if (good) return outcome('pass', 'pass', [toEvidence(good)], { number: good.text });
    const mismatch = shown.find((fact) => fact.linked && fact.linkMatches === false);
    if (mismatch) return outcome('review', 'review_link_mismatch', [toEvidence(mismatch)], { number: mismatch.text });
    const unlinked = shown.find((fact) => fact.valid);
    if (unlinked) return outcome('review', 'review_unlinked', [toEvidence(unlinked)], { number: unlinked.text });
    return outcome('review', 'review_form', shown.map(toEvidence), { number: shown[0].text });
  },
});
