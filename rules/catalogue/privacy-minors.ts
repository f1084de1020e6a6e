import { firstMatch, GUARDIAN_CONSENT, MINORS_HINT, UNDER_FOURTEEN } from '../terms/privacy';
import { definePrivacyRule, quoted, sentenceEvidence } from '../terms/privacy-outcome';

/** PIPL art. 31: the rules for handling the information of children under fourteen, with a guardian's consent. */
export default definePrivacyRule({
  id: 'privacy-minors',
  basis: ['PIPL art. 31'],
  judge(sentences, outcome) {
    const age = firstMatch(sentences, UNDER_FOURTEEN);
    const consent = firstMatch(sentences, GUARDIAN_CONSENT);
    if (age && consent) return outcome('pass', 'pass', sentenceEvidence([age, consent]), quoted(age));
    const hint = age ?? consent ?? firstMatch(sentences, MINORS_HINT);
    if (hint) return outcome('review', 'review_no_age_rule', sentenceEvidence([hint]), quoted(hint));
    return outcome('fail', 'fail_missing');
  },
});
