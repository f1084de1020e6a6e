import { defineRule, judgeClauses, notHidden, outcomeFor, toEvidence } from '../rule';

/** Changes that take effect without any notice contradict the seven days' publication outright. */
const UNAMBIGUOUS = /(恕|无需|无须|不再|不)(另行|单独|个别|另外){1,2}(书面)?通知|一经(公布|发布|公示)即(生效|时生效)/;

/**
 * G2 art. 6 para. 2 and E-Commerce Law art. 34: changes to the terms are published at least seven days before
 * they apply. A clause reserving changes without notice is a finding (G2 art. 6 clauses); a promise of advance
 * publication passes and is shown; a terms page saying neither passes, there being nothing to hold against it.
 */
export default defineRule({
  id: 'terms-change-notice',
  group: 'unfair-terms',
  level: 'mandatory',
  basis: ['G2 art. 6 para. 2', 'E-Commerce Law art. 34'],
  pageTypes: ['terms'],
  evaluate(facts) {
    const judged = judgeClauses('terms-change-notice', facts, 'G2 art. 6', UNAMBIGUOUS);
    if (judged.status !== 'pass') return judged;
    const promise = notHidden(facts.notices.filter((notice) => notice.kind === 'terms-change-advance'));
    if (promise.length === 0) return judged;
    return outcomeFor('terms-change-notice')('pass', 'pass_advance', [toEvidence(promise[0])], { sentence: promise[0].text });
  },
});
