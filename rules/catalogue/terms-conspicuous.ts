import { defineRule, hidden, notHidden, outcomeFor, toEvidence } from '../rule';

const outcome = outcomeFor('terms-conspicuous');

/**
 * G2 art. 9: clauses of major interest (fees, liability, after-sales, risk) are drawn to attention by bold,
 * underline or similar marks. Emphasised clauses found pass; emphasis hidden from view fails; none found on a
 * terms page does not prove absence (the emphasis may be an image or a style a static parse cannot see), so a
 * person checks.
 */
export default defineRule({
  id: 'terms-conspicuous',
  group: 'presentation',
  level: 'mandatory',
  basis: ['G2 art. 9'],
  pageTypes: ['terms'],
  evaluate(facts) {
    const marked = facts.notices.filter((notice) => notice.kind === 'conspicuous-terms');
    const shown = notHidden(marked);
    if (shown.length > 0) return outcome('pass', 'pass', shown.slice(0, 5).map(toEvidence), { count: shown.length });
    if (marked.length > 0) return outcome('fail', 'fail_hidden', hidden(marked).map(toEvidence));
    return outcome('review', 'review_none_found');
  },
});
