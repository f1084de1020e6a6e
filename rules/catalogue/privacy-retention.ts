import { defineRule, outcomeFor } from '../rule';
import { firstMatch, policySentences, RETENTION, RETENTION_HINT } from '../terms/privacy';
import { quoted, sentenceEvidence } from '../terms/privacy-outcome';

const outcome = outcomeFor('privacy-retention');

/** PIPL art. 17: how long personal information is kept. */
export default defineRule({
  id: 'privacy-retention',
  group: 'terms',
  level: 'mandatory',
  basis: ['PIPL art. 17'],
  pageTypes: ['terms'],
  evaluate(facts) {
    const sentences = policySentences(facts.termsDocument);
    if (!sentences) return outcome('na', 'na_not_privacy');
    const period = firstMatch(sentences, RETENTION);
    if (period) return outcome('pass', 'pass', sentenceEvidence([period]), quoted(period));
    const hint = firstMatch(sentences, RETENTION_HINT);
    if (hint) return outcome('review', 'review_no_period', sentenceEvidence([hint]), quoted(hint));
    return outcome('fail', 'fail_missing');
  },
});
