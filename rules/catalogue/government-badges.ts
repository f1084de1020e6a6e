import { COMMERCE_PAGES, defineRule, notHidden, outcomeFor, toEvidence } from '../rule';

const outcome = outcomeFor('government-badges');

/**
 * G1 art. 21: no forged or unauthorised electronic identifiers of government bodies. A badge that presents itself
 * as 工商/红盾/网监/公安/电子标识/亮照 but points to the site itself or a non-government host fails; one that points
 * nowhere cannot be verified (review); no badge at all is nothing to judge ('na').
 */
export default defineRule({
  id: 'government-badges',
  group: 'licence',
  level: 'mandatory',
  basis: ['G1 art. 21'],
  pageTypes: COMMERCE_PAGES,
  evaluate(facts) {
    const badges = notHidden(facts.governmentBadges);
    if (badges.length === 0) return outcome('na', 'na_none');
    const unofficial = badges.filter((badge) => !badge.official);
    const forged = unofficial.filter((badge) => badge.href);
    if (forged.length > 0) {
      return outcome('fail', 'fail_forged', forged.map(toEvidence), { claims: forged[0].claims, href: forged[0].href ?? '' });
    }
    if (unofficial.length > 0) {
      return outcome('review', 'review_unlinked', unofficial.map(toEvidence), { claims: unofficial[0].claims });
    }
    return outcome('pass', 'pass', badges.map(toEvidence), { count: badges.length });
  },
});
