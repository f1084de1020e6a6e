import { CROSS_BORDER, CROSS_BORDER_SAFEGUARD, firstMatch, NOT_ABROAD, STORED_IN_CHINA } from '../terms/privacy';
import { definePrivacyRule, quoted, sentenceEvidence } from '../terms/privacy-outcome';

/**
 * PIPL art. 38-39: a transfer abroad needs a lawful route (security assessment, certification, standard contract)
 * and the person's separate consent, after being told the recipient. Applies only when the policy mentions one.
 */
export default definePrivacyRule({
  id: 'privacy-cross-border',
  basis: ['PIPL art. 38', 'PIPL art. 39'],
  judge(sentences, outcome) {
    const mention = firstMatch(sentences, CROSS_BORDER);
    if (!mention) return outcome('na', 'na_no_transfer');
    const safeguard = firstMatch(sentences, CROSS_BORDER_SAFEGUARD);
    if (safeguard) return outcome('pass', 'pass_safeguard', sentenceEvidence([safeguard]), quoted(safeguard));
    const inChina = sentences.find((sentence) => STORED_IN_CHINA.test(sentence.text) && NOT_ABROAD.test(sentence.text));
    if (inChina) return outcome('pass', 'pass_in_china', sentenceEvidence([inChina]), quoted(inChina));
    return outcome('review', 'review_mention', sentenceEvidence([mention]), quoted(mention));
  },
});
