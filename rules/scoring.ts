import type { Grade, RuleLevel, RuleResult, RuleStatus, Verdict } from './types';

/**
 * The one place the score is weighted (documented in README "Score and grade").
 * score = round(100 × Σ weight × credit / Σ weight) over the rules that apply (not 'na', not 'error');
 * any mandatory failure caps the score, and so the grade, at `mandatoryFailureCap`.
 */
export const SCORING = {
  levelWeight: { mandatory: 3, encouraged: 1 } satisfies Record<RuleLevel, number>,
  /** Review is half credit: something is there, a person has to confirm it. */
  statusCredit: { pass: 1, review: 0.5, fail: 0 } satisfies Partial<Record<RuleStatus, number>>,
  /** Lowest score for each grade, best first; below the last is F. */
  gradeFloors: [
    ['A', 90],
    ['B', 80],
    ['C', 70],
    ['D', 60],
  ] as ReadonlyArray<readonly [Grade, number]>,
  /** One missing mandatory disclosure keeps the page at D at best, however much else is right. */
  mandatoryFailureCap: 69,
  /**
   * Results about the audit itself, not the page's disclosures: never scored, and they leave the verdict alone except
   * that one asking for review makes the verdict `review` (a page whose type is uncertain is not called compliant or
   * non-compliant until a person says what it is).
   */
  unscoredRules: ['page-type'] as readonly string[],
} as const;

export interface Score {
  /** null when nothing applies. */
  score: number | null;
  grade: Grade;
  verdict: Verdict;
}

type ScoredStatus = keyof typeof SCORING.statusCredit;

function isScored(status: RuleStatus): status is ScoredStatus {
  return status in SCORING.statusCredit;
}

export function gradeFor(score: number): Grade {
  for (const [grade, floor] of SCORING.gradeFloors) if (score >= floor) return grade;
  return 'F';
}

/**
 * The badge's verdict: mandatory rules decide; an encouraged rule's failure lowers the score but does not make a
 * page non-compliant. An 'error' leaves the audit incomplete, so it asks for review.
 */
export function verdictFor(results: readonly RuleResult[]): Verdict {
  const unscored = results.filter((result) => SCORING.unscoredRules.includes(result.ruleId));
  if (unscored.some((result) => result.status === 'review')) return 'review';
  const applicable = results.filter((result) => result.status !== 'na' && !SCORING.unscoredRules.includes(result.ruleId));
  if (applicable.length === 0) return 'na';
  const mandatory = applicable.filter((result) => result.level === 'mandatory');
  if (mandatory.some((result) => result.status === 'fail')) return 'fail';
  if (applicable.some((result) => result.status === 'review' || result.status === 'error')) return 'review';
  if (mandatory.length === 0 && !applicable.some((result) => result.status === 'pass')) return 'review';
  return 'pass';
}

export function scoreResults(results: readonly RuleResult[]): Score {
  let earned = 0;
  let possible = 0;
  for (const result of results) {
    if (!isScored(result.status) || SCORING.unscoredRules.includes(result.ruleId)) continue;
    const weight = SCORING.levelWeight[result.level];
    earned += weight * SCORING.statusCredit[result.status];
    possible += weight;
  }
  const verdict = verdictFor(results);
  // Nothing applies (an 'other' page): there is no score to give, not even 0.
  if (possible === 0) return { score: null, grade: 'N/A', verdict };
  let score = Math.round((100 * earned) / possible);
  const mandatoryFailure = results.some(
    (result) => result.level === 'mandatory' && result.status === 'fail' && !SCORING.unscoredRules.includes(result.ruleId),
  );
  if (mandatoryFailure) score = Math.min(score, SCORING.mandatoryFailureCap);
  return { score, grade: gradeFor(score), verdict };
}

/** An audit's score, or null when nothing applied: a `liangzhao.audit/1` audit stored 0 for that. */
export function scoreOf(audit: { score: number | null; grade: Grade }): number | null {
  return audit.grade === 'N/A' ? null : audit.score;
}
