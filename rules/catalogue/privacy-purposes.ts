import { keyList } from '../rule';
import { firstMatch, KINDS, METHOD, MIN_KINDS, PURPOSE } from '../terms/privacy';
import { definePrivacyRule, quoted, sentenceEvidence } from '../terms/privacy-outcome';

/** PIPL art. 17: the purposes and methods of handling, and the kinds of personal information handled. */
export default definePrivacyRule({
  id: 'privacy-purposes',
  basis: ['PIPL art. 17', 'G1 art. 15'],
  judge(sentences, outcome) {
    const purpose = firstMatch(sentences, PURPOSE);
    const method = firstMatch(sentences, METHOD);
    const kinds = KINDS.map(([, pattern]) => firstMatch(sentences, pattern)).filter((found) => found !== undefined);
    const kindsFound = kinds.length >= MIN_KINDS ? kinds[0] : undefined;
    const missing = [
      purpose ? null : 'privacy_item_purpose',
      method ? null : 'privacy_item_method',
      kindsFound ? null : 'privacy_item_kinds',
    ].filter((key) => key !== null);
    const evidence = sentenceEvidence([purpose, method, kindsFound]);
    if (missing.length === 0) return outcome('pass', 'pass', evidence, { ...quoted(purpose!), kinds: kinds.length });
    if (missing.length < 3) return outcome('review', 'review_partial', evidence, { missingKeys: keyList(missing) });
    return outcome('fail', 'fail_missing');
  },
});
