import { keyList } from '../rule';
import { firstMatch, RIGHTS } from '../terms/privacy';
import { definePrivacyRule, sentenceEvidence } from '../terms/privacy-outcome';

/**
 * PIPL art. 17 (and 44-47) and E-Commerce Law art. 24: how a person can access, copy, correct and delete their
 * information, withdraw consent and close the account (注销).
 */
export default definePrivacyRule({
  id: 'privacy-rights',
  basis: ['PIPL art. 17', 'E-Commerce Law art. 24'],
  judge(sentences, outcome) {
    const found = RIGHTS.map(([key, pattern]) => [key, firstMatch(sentences, pattern)] as const);
    const missing = found.filter(([, sentence]) => !sentence).map(([key]) => key);
    const evidence = sentenceEvidence(found.map(([, sentence]) => sentence));
    if (missing.length === 0) return outcome('pass', 'pass', evidence, { count: RIGHTS.length });
    if (missing.length < RIGHTS.length) return outcome('review', 'review_partial', evidence, { missingKeys: keyList(missing) });
    return outcome('fail', 'fail_missing');
  },
});
