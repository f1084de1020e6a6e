import { firstMatch, RETENTION, RETENTION_HINT } from '../terms/privacy';
import { definePrivacyRule, quoted, sentenceEvidence } from '../terms/privacy-outcome';

/** PIPL art. 17: how long personal information is kept. */
export default definePrivacyRule({
  id: 'privacy-retention',
  basis: ['PIPL art. 17'],
  judge(sentences, outcome) {
    const period = firstMatch(sentences, RETENTION);
    if (period) return outcome('pass', 'pass', sentenceEvidence([period]), quoted(period));
    const hint = firstMatch(sentences, RETENTION_HINT);
    if (hint) return outcome('review', 'review_no_period', sentenceEvidence([hint]), quoted(hint));
    return outcome('fail', 'fail_missing');
  },
});
