import { defineRule, keyList, outcomeFor } from '../rule';
import { firstMatch, KINDS, METHOD, MIN_KINDS, policySentences, PURPOSE } from '../terms/privacy';
import { quoted, sentenceEvidence } from '../terms/privacy-outcome';

const outcome = outcomeFor('privacy-purposes');

/** PIPL art. 17: the purposes and methods of handling, and the kinds of personal information handled. */
export default defineRule({
  id: 'privacy-purposes',
  group: 'terms',
  level: 'mandatory',
  basis: ['PIPL art. 17', 'G1 art. 15'],
  pageTypes: ['terms'],
  evaluate(facts) {
    const sentences = policySentences(facts.termsDocument);
    if (!sentences) return outcome('na', 'na_not_privacy');
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
