import { defineRule, hidden, notHidden, outcomeFor, toEvidence } from '../rule';
import { hostnameOf } from '../gather/url';

const outcome = outcomeFor('business-licence');

/** Badges that stand for the market regulator's licence display, when they really point to a government host. */
const LICENCE_BADGE_CLAIMS = /工商|红盾|网监|电子标识|亮照/;

/**
 * G1 art. 9, G2 art. 8(1), E-Commerce Law art. 15: the licence information or its electronic link on the home page.
 * A link to the official display system (亮照) or another government site (a provincial badge) passes; a link to the site's own licence page or image also discloses it;
 * a picture of the licence on the page, or the licence written out as text (a labelled unified social credit code),
 * discloses the information itself. A 营业执照 label with no target shows nothing a visitor can open, so a person
 * should look (review).
 */
export default defineRule({
  id: 'business-licence',
  group: 'licence',
  level: 'mandatory',
  basis: ['G1 art. 9', 'G2 art. 8(1)', 'E-Commerce Law art. 15'],
  pageTypes: ['platform-home'],
  evaluate(facts) {
    const links = notHidden(facts.businessLicence);
    const official =
      links.find((fact) => fact.official) ??
      notHidden(facts.governmentBadges).find((badge) => badge.official && LICENCE_BADGE_CLAIMS.test(badge.claims));
    if (official) return outcome('pass', 'pass_official', [toEvidence(official)], { host: hostnameOf(official.href) ?? '' });
    const linked = links.filter((fact) => fact.href);
    if (linked.length > 0) return outcome('pass', 'pass_link', linked.map(toEvidence), { label: linked[0].text });
    const picture = links.find((fact) => fact.target === 'image');
    if (picture) return outcome('pass', 'pass_image', [toEvidence(picture)], { label: picture.text });
    const code = notHidden(facts.uscc).find((fact) => fact.labelled);
    if (code) return outcome('pass', 'pass_text', [toEvidence(code)], { code: code.code });
    if (links.length > 0) return outcome('review', 'review_unlinked', links.map(toEvidence), { label: links[0].text });
    const concealed = [...hidden(facts.businessLicence), ...hidden(facts.uscc)];
    if (concealed.length > 0) return outcome('fail', 'fail_hidden', concealed.map(toEvidence));
    return outcome('fail', 'fail_missing');
  },
});
