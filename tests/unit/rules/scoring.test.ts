import { describe, expect, it } from 'vitest';
import { gradeFor, SCORING, scoreResults, verdictFor } from '@/rules/scoring';
import type { RuleLevel, RuleResult, RuleStatus } from '@/rules/types';

function result(status: RuleStatus, level: RuleLevel = 'mandatory'): RuleResult {
  return { ruleId: `r-${status}`, status, level, group: 'licence', basis: ['G1 art. 9'], messageKey: 'k', evidence: [] };
}

describe('scoring', () => {
  it('gives 100 and A when everything that applies passes', () => {
    expect(scoreResults([result('pass'), result('pass', 'encouraged'), result('na')])).toEqual({ score: 100, grade: 'A', verdict: 'pass' });
  });

  it('weighs mandatory rules more than encouraged ones', () => {
    const mandatoryFails = scoreResults([result('fail'), result('pass', 'encouraged')]).score;
    const encouragedFails = scoreResults([result('pass'), result('fail', 'encouraged')]).score;
    expect(encouragedFails).toBeGreaterThan(mandatoryFails!);
  });

  it('caps the grade at D when any mandatory rule fails', () => {
    const many = [...Array(20)].map(() => result('pass'));
    const scored = scoreResults([...many, result('fail')]);
    expect(scored.score).toBe(SCORING.mandatoryFailureCap);
    expect(scored.grade).toBe('D');
    expect(scored.verdict).toBe('fail');
  });

  it('counts review as half credit and asks for review', () => {
    expect(scoreResults([result('pass'), result('review')])).toEqual({ score: 75, grade: 'C', verdict: 'review' });
  });

  it('does not let an encouraged failure fail the page', () => {
    expect(verdictFor([result('pass'), result('fail', 'encouraged')])).toBe('pass');
  });

  it('leaves errors out of the score but asks for review', () => {
    expect(scoreResults([result('pass'), result('error')])).toEqual({ score: 100, grade: 'A', verdict: 'review' });
  });

  it('grades N/A when nothing applies', () => {
    expect(scoreResults([result('na'), result('na')])).toEqual({ score: null, grade: 'N/A', verdict: 'na' });
  });

  it('maps scores to grades at the documented floors', () => {
    expect([95, 90, 89, 80, 79, 70, 69, 60, 59, 0].map(gradeFor)).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D', 'F', 'F']);
  });
});
