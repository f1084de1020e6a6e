import { CONTACT_HEADING, firstMatch, HANDLER_CONTACT, HANDLER_NAME } from '../terms/privacy';
import { definePrivacyRule, quoted, sentenceEvidence } from '../terms/privacy-outcome';

/** PIPL art. 17: the policy names the personal-information handler and how to contact it. */
export default definePrivacyRule({
  id: 'privacy-handler-contact',
  basis: ['PIPL art. 17', 'G1 art. 15'],
  judge(sentences, outcome) {
    const name = firstMatch(sentences, HANDLER_NAME);
    const contact = firstMatch(sentences, HANDLER_CONTACT);
    if (name && contact) return outcome('pass', 'pass', sentenceEvidence([name, contact]), quoted(name));
    const hint = name ?? contact ?? firstMatch(sentences, CONTACT_HEADING);
    if (hint) return outcome('review', name ? 'review_no_contact' : 'review_no_name', sentenceEvidence([hint]), quoted(hint));
    return outcome('fail', 'fail_missing');
  },
});
