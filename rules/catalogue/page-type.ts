import { defineRule, outcomeFor, pageTypeKey } from '../rule';
import { PAGE_TYPES } from '../types';

const outcome = outcomeFor('page-type');

/**
 * Which articles apply depends on what the page is (G1 art. 9: a platform's home page; G1 art. 14 para. 2: a
 * shop's page), so a page whose type the model cannot place with confidence asks a person, naming the two likeliest
 * types, instead of being judged (or left unjudged as `other`) on a guess. A type a person set is not judged again.
 * The result is not scored (SCORING.unscoredRules); while it asks for review the verdict is `review`.
 */
export default defineRule({
  id: 'page-type',
  group: 'presentation',
  level: 'mandatory',
  basis: ['G1 art. 9', 'G1 art. 14 para. 2'],
  pageTypes: PAGE_TYPES,
  evaluate(_facts, context) {
    if (context.pageTypeSetByPerson) return outcome('na', 'na_set_by_person', [], { pageTypeKeys: pageTypeKey(context.pageType) });
    const classification = context.classification;
    if (!classification) return outcome('na', 'na_not_classified');
    const [first, second] = classification.candidates;
    const confidence = Math.round(classification.confidence * 100);
    if (!classification.uncertain) return outcome('pass', 'pass', [], { pageTypeKeys: pageTypeKey(first.type), confidence });
    return outcome('review', 'review_uncertain', [], {
      likeliestKeys: pageTypeKey(first.type),
      runnerUpKeys: pageTypeKey(second.type),
      confidence,
    });
  },
});
