import { usccForeignCharacters } from '../detectors/uscc';
import { COMMERCE_PAGES, defineRule, notHidden, outcomeFor, toEvidence } from '../rule';

const outcome = outcomeFor('uscc-check');

/** A code has 18 characters (GB 32100-2015); a labelled one of another length is miscopied or no such code. */
const USCC_LENGTH = 18;

/**
 * A unified social credit code shown on the page should carry a correct GB 32100-2015 check character: the
 * disclosed licence information must be true (G2 art. 8 last para.). Some real codes are reported to fail the
 * check, so a mismatch is "suspect" and goes to a person (review), never a failure or proof of forgery. A code of
 * the wrong length has no check character to compare, so it is reported as the wrong length; one with a character
 * outside the code's alphabet (I, O, S, V, Z are never used) cannot be checked either, so it is reported as an invalid
 * character, not as a bad check character.
 */
export default defineRule({
  id: 'uscc-check',
  group: 'licence',
  level: 'mandatory',
  basis: ['G1 art. 9', 'G2 art. 8 last para.'],
  pageTypes: COMMERCE_PAGES,
  evaluate(facts) {
    const codes = notHidden(facts.uscc);
    if (codes.length === 0) return outcome('na', 'na_none');
    const suspect = codes.filter((fact) => !fact.valid);
    if (suspect.length > 0) {
      const wrongLength = suspect.find((fact) => fact.code.length !== USCC_LENGTH);
      if (wrongLength) {
        return outcome('review', 'review_length', suspect.map(toEvidence), { code: wrongLength.code, length: wrongLength.code.length });
      }
      const foreign = suspect.find((fact) => usccForeignCharacters(fact.code).length > 0);
      if (foreign) {
        const characters = usccForeignCharacters(foreign.code).join('、');
        return outcome('review', 'review_character', suspect.map(toEvidence), { code: foreign.code, characters });
      }
      return outcome('review', 'review_suspect', suspect.map(toEvidence), { code: suspect[0].code });
    }
    return outcome('pass', 'pass', codes.map(toEvidence), { code: codes[0].code });
  },
});
