import { defineRule, judgeClauses, keyList, notHidden, outcomeFor, toEvidence, type RuleOutcome } from '../rule';
import { compareTermsVersions, judgeNotice } from '../terms/compare';
import type { NoticeJudgement, StatedDates, TermsComparison } from '../terms/types';
import type { Evidence } from '../types';

const outcome = outcomeFor('terms-change-notice');

/** Changes that take effect without any notice contradict the seven days' publication outright. */
const UNAMBIGUOUS = /(恕|无需|无须|不再|不)(另行|单独|个别|另外){1,2}(书面)?通知|一经(公布|发布|公示)即(生效|时生效)/;

/** The date sentences the judgement read, quoted as its evidence. */
function dateEvidence(dates: StatedDates): Evidence[] {
  const read = [dates.published ?? dates.updated, dates.effective].filter((date) => date !== undefined);
  return read.map((date) => ({ selector: date.selector, text: date.quote, href: null, visible: null }));
}

function dateParams(notice: NoticeJudgement) {
  return { published: notice.published ?? '', effective: notice.effective ?? '', days: notice.days ?? 0 };
}

const MISSING_KEYS = { published: 'terms_date_published', effective: 'terms_date_effective' } as const;

/** A changed version: the notice its own dates give, with the diff's counts and the first-seen observation. */
function judgeChange(comparison: TermsComparison, evidence: Evidence[]): RuleOutcome {
  const { notice, observation, counts } = comparison;
  const changes = { added: counts.added, removed: counts.removed, changed: counts.changed };
  const late = observation ? { firstSeen: observation.firstSeen.slice(0, 10), seenDays: observation.days } : null;
  if (notice.onPublication) {
    return late
      ? outcome('fail', 'changed_fail_on_publication_seen_late', evidence, { ...changes, ...late })
      : outcome('fail', 'changed_fail_on_publication', evidence, changes);
  }
  if (notice.status === 'review') {
    const missing = { ...changes, missingKeys: keyList(notice.missing.map((date) => MISSING_KEYS[date])) };
    return late
      ? outcome('review', 'changed_review_seen_late', evidence, { ...missing, ...late })
      : outcome('review', 'changed_review', evidence, missing);
  }
  const params = { ...changes, ...dateParams(notice) };
  if (notice.status === 'fail') {
    return late
      ? outcome('fail', 'changed_fail_seen_late', evidence, { ...params, ...late })
      : outcome('fail', 'changed_fail', evidence, params);
  }
  return late ? outcome('pass', 'changed_pass_seen_late', evidence, { ...params, ...late }) : outcome('pass', 'changed_pass', evidence, params);
}

/**
 * G2 art. 6 para. 2 and E-Commerce Law art. 34: changes to the terms are published at least seven days before
 * they apply. A clause reserving changes without notice is a finding (G2 art. 6 clauses). Then, when the version
 * seen before this one is known and differs, the change is judged from the dates this version states (review when
 * one is missing); with no earlier version, stated dates alone are judged when the page gives both. A page stating
 * neither, with a promise of advance publication or none, passes: there is nothing to hold against it.
 */
export default defineRule({
  id: 'terms-change-notice',
  group: 'unfair-terms',
  level: 'mandatory',
  basis: ['G2 art. 6 para. 2', 'E-Commerce Law art. 34'],
  pageTypes: ['terms'],
  evaluate(facts, context) {
    const judged = judgeClauses('terms-change-notice', facts, 'G2 art. 6', UNAMBIGUOUS);
    if (judged.status !== 'pass') return judged;
    const terms = facts.termsDocument;
    if (terms) {
      const evidence = dateEvidence(terms.dates);
      const previous = context.previousTerms;
      if (previous && previous.digest !== terms.digest) {
        return judgeChange(compareTermsVersions(previous, { ...terms, firstSeen: context.termsFirstSeen }), evidence);
      }
      const notice = judgeNotice(terms.dates);
      if (notice.onPublication) return outcome('fail', 'fail_on_publication', evidence, { quote: terms.dates.effective!.quote });
      if (notice.status === 'fail') return outcome('fail', 'fail_dates', evidence, dateParams(notice));
      if (notice.status === 'pass') return outcome('pass', 'pass_dates', evidence, dateParams(notice));
    }
    const promise = notHidden(facts.notices.filter((notice) => notice.kind === 'terms-change-advance'));
    if (promise.length === 0) return judged;
    return outcome('pass', 'pass_advance', [toEvidence(promise[0])], { sentence: promise[0].text });
  },
});
