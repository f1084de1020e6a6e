import { defineRule, outcomeFor } from '../rule';
import { CONTACT_HEADING, firstMatch, HANDLER_CONTACT, HANDLER_NAME, policySentences } from '../terms/privacy';
import { quoted, sentenceEvidence } from '../terms/privacy-outcome';

const outcome = outcomeFor('privacy-handler-contact');

/** PIPL art. 17: the policy names the personal-information handler and how to contact it. */
export default defineRule({
  id: 'privacy-handler-contact',
  group: 'terms',
  level: 'mandatory',
  basis: ['PIPL art. 17', 'G1 art. 15'],
  pageTypes: ['terms'],
  evaluate(facts) {
    const sentences = policySentences(facts.termsDocument);
    if (!sentences) return outcome('na', 'na_not_privacy');
    const name = firstMatch(sentences, HANDLER_NAME);
    const contact = firstMatch(sentences, HANDLER_CONTACT);
    if (name && contact) return outcome('pass', 'pass', sentenceEvidence([name, contact]), quoted(name));
    const hint = name ?? contact ?? firstMatch(sentences, CONTACT_HEADING);
    if (hint) return outcome('review', name ? 'review_no_contact' : 'review_no_name', sentenceEvidence([hint]), quoted(hint));
    return outcome('fail', 'fail_missing');
  },
});
