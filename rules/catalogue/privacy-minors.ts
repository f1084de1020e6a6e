import { defineRule, outcomeFor } from '../rule';
import { firstMatch, GUARDIAN_CONSENT, MINORS_HINT, policySentences, UNDER_FOURTEEN } from '../terms/privacy';
import { quoted, sentenceEvidence } from '../terms/privacy-outcome';

const outcome = outcomeFor('privacy-minors');

/** PIPL art. 31: the rules for handling the information of children under fourteen, with a guardian's consent. */
export default defineRule({
  id: 'privacy-minors',
  group: 'terms',
  level: 'mandatory',
  basis: ['PIPL art. 31'],
  pageTypes: ['terms'],
  evaluate(facts) {
    const sentences = policySentences(facts.termsDocument);
    if (!sentences) return outcome('na', 'na_not_privacy');
    const age = firstMatch(sentences, UNDER_FOURTEEN);
    const consent = firstMatch(sentences, GUARDIAN_CONSENT);
    if (age && consent) return outcome('pass', 'pass', sentenceEvidence([age, consent]), quoted(age));
    const hint = age ?? consent ?? firstMatch(sentences, MINORS_HINT);
    if (hint) return outcome('review', 'review_no_age_rule', sentenceEvidence([hint]), quoted(hint));
    return outcome('fail', 'fail_missing');
  },
});
