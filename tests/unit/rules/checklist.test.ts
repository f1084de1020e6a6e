import { describe, expect, it } from 'vitest';
import { buildChecklist, lineOutcome, ruleKey } from '@/rules/checklist';
import { rule } from '../../support/fixtures';

describe('checklist', () => {
  it('groups by what a rule concerns: failing groups first, then review, failures first inside a group', () => {
    const checklist = buildChecklist([
      rule('business-licence', 'licence', 'pass'),
      rule('uscc-check', 'licence', 'review'),
      rule('icp-number', 'filing', 'pass'),
      rule('psb-filing', 'filing', 'fail'),
      rule('contact-details', 'contact', 'review'),
      rule('terms-links', 'terms', 'pass'),
      rule('advance-compensation', 'terms', 'fail', { level: 'encouraged' }),
      rule('privacy-policy', 'terms', 'fail'),
      rule('shop-seller-identity', 'seller', 'na'),
    ]);
    expect(checklist.groups.map((g) => [g.group, g.status])).toEqual([
      ['filing', 'fail'],
      ['terms', 'fail'],
      ['licence', 'review'],
      ['contact', 'review'],
    ]);
    expect(checklist.groups[1].items.map((r) => r.ruleId)).toEqual(['privacy-policy', 'advance-compensation', 'terms-links']);
    expect(checklist.groups[2].items.map((r) => r.ruleId)).toEqual(['uscc-check', 'business-licence']);
    expect(checklist.notApplicable.map((r) => r.ruleId)).toEqual(['shop-seller-identity']);
    expect(checklist.counts).toEqual({ fail: 3, error: 0, review: 2, pass: 3, na: 1 });
  });

  it('shows a missing encouraged practice as advice, after everything that fails or needs review', () => {
    const checklist = buildChecklist([
      rule('social-responsibility-report', 'presentation', 'fail', { level: 'encouraged' }),
      rule('disclosures-visible', 'presentation', 'pass'),
      rule('contact-details', 'contact', 'review'),
      rule('icp-number', 'filing', 'pass'),
    ]);
    expect(checklist.groups.map((g) => [g.group, g.status])).toEqual([
      ['contact', 'review'],
      ['presentation', 'advice'],
      ['filing', 'pass'],
    ]);
    expect(lineOutcome(checklist.groups[1].items[0])).toBe('advice');
    expect(lineOutcome(rule('privacy-policy', 'terms', 'fail'))).toBe('fail');
  });

  it('keeps group order for groups of the same status and handles nothing', () => {
    const checklist = buildChecklist([
      rule('terms-links', 'terms', 'pass'),
      rule('icp-number', 'filing', 'pass'),
      rule('business-licence', 'licence', 'pass'),
    ]);
    expect(checklist.groups.map((g) => g.group)).toEqual(['licence', 'filing', 'terms']);
    expect(buildChecklist([]).groups).toEqual([]);
  });

  it('derives message-key stems from rule ids', () => {
    expect(ruleKey('no-final-interpretation-claim')).toBe('no_final_interpretation_claim');
  });
});
