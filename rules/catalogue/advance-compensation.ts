import { defineRule, notHidden, outcomeFor, toEvidence } from '../rule';
import type { NoticeKind } from '../types';

const outcome = outcomeFor('advance-compensation');

const KINDS: readonly NoticeKind[] = ['advance-compensation', 'credit-evaluation', 'dispute-publicity'];

/**
 * G1 art. 23 encourages (does not require) advance compensation (先行赔付), seller credit evaluation and publicity
 * of dispute handling. Finding none lowers the score a little and never fails the page (encouraged level).
 */
export default defineRule({
  id: 'advance-compensation',
  group: 'terms',
  level: 'encouraged',
  basis: ['G1 art. 23'],
  pageTypes: ['platform-home'],
  evaluate(facts) {
    const found = notHidden(facts.notices.filter((notice) => (KINDS as readonly string[]).includes(notice.kind)));
    if (found.length > 0) return outcome('pass', 'pass', found.slice(0, 3).map(toEvidence), { label: found[0].text });
    return outcome('fail', 'fail_missing');
  },
});
