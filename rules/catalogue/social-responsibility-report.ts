import { defineRule, notHidden, outcomeFor, toEvidence } from '../rule';

const outcome = outcomeFor('social-responsibility-report');

/** G1 art. 33: social-responsibility reports, published regularly. Encouraged: absence only lowers the score. */
export default defineRule({
  id: 'social-responsibility-report',
  group: 'presentation',
  level: 'encouraged',
  basis: ['G1 art. 33'],
  pageTypes: ['platform-home'],
  evaluate(facts) {
    const found = notHidden(facts.notices.filter((notice) => notice.kind === 'social-responsibility-report'));
    if (found.length > 0) return outcome('pass', 'pass', found.slice(0, 3).map(toEvidence), { label: found[0].text });
    return outcome('fail', 'fail_missing');
  },
});
