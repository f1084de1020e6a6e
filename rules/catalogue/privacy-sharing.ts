import { EXCEPTION, firstMatch, NOT_SHARED, SHARING_HINTS, SHARING_LIST } from '../terms/privacy';
import { definePrivacyRule, quoted, sentenceEvidence } from '../terms/privacy-outcome';

/** PIPL art. 23 (and art. 17): whether personal information is shared, and with whom (a third-party list). */
export default definePrivacyRule({
  id: 'privacy-sharing',
  basis: ['PIPL art. 23', 'G1 art. 15'],
  judge(sentences, outcome) {
    const list = firstMatch(sentences, SHARING_LIST);
    if (list) return outcome('pass', 'pass_list', sentenceEvidence([list]), quoted(list));
    const notShared = firstMatch(sentences, NOT_SHARED);
    if (notShared && !EXCEPTION.test(notShared.text)) return outcome('pass', 'pass_not_shared', sentenceEvidence([notShared]), quoted(notShared));
    const hint = notShared ?? SHARING_HINTS.map((pattern) => firstMatch(sentences, pattern)).find((found) => found !== undefined);
    if (hint) return outcome('review', 'review_no_list', sentenceEvidence([hint]), quoted(hint));
    return outcome('fail', 'fail_missing');
  },
});
