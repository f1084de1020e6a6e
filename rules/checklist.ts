import type { RuleGroup, RuleResult, RuleStatus } from '@/rules/types';

/** The order groups are listed in when they share a worst status. */
export const GROUP_ORDER: readonly RuleGroup[] = [
  'licence',
  'filing',
  'contact',
  'terms',
  'seller',
  'unfair-terms',
  'presentation',
];

/**
 * What a line shows. An encouraged practice (G1 art. 23, 33) that the page lacks is advice, not a failure: it lowers
 * the score but breaks no mandatory article, and a red "fail" beside a compliant verdict would mislead.
 */
export type LineOutcome = RuleStatus | 'advice';

const OUTCOME_RANK: Record<LineOutcome, number> = { fail: 0, error: 1, review: 2, advice: 3, pass: 4, na: 5 };

export function lineOutcome(result: RuleResult): LineOutcome {
  return result.status === 'fail' && result.level === 'encouraged' ? 'advice' : result.status;
}

export interface ChecklistGroup {
  group: RuleGroup;
  /** The worst outcome in the group: what the group heading shows. */
  status: LineOutcome;
  items: RuleResult[];
}

export interface Checklist {
  groups: ChecklistGroup[];
  /** Rules that do not apply to this page type: listed apart, after everything that does. */
  notApplicable: RuleResult[];
  counts: Record<RuleStatus, number>;
}

export function compareResults(a: RuleResult, b: RuleResult): number {
  return (
    OUTCOME_RANK[lineOutcome(a)] - OUTCOME_RANK[lineOutcome(b)] ||
    Number(a.level === 'encouraged') - Number(b.level === 'encouraged')
  );
}

/** Groups results by what they concern: groups with failures first, then needs-review; failures first inside. */
export function buildChecklist(results: readonly RuleResult[]): Checklist {
  const counts: Record<RuleStatus, number> = { fail: 0, error: 0, review: 0, pass: 0, na: 0 };
  const byGroup = new Map<RuleGroup, RuleResult[]>();
  const notApplicable: RuleResult[] = [];
  for (const result of results) {
    counts[result.status]++;
    if (result.status === 'na') {
      notApplicable.push(result);
      continue;
    }
    const items = byGroup.get(result.group) ?? [];
    items.push(result);
    byGroup.set(result.group, items);
  }
  const groups = [...byGroup.entries()].map(([group, items]): ChecklistGroup => {
    const sorted = [...items].sort(compareResults);
    return { group, status: lineOutcome(sorted[0]), items: sorted };
  });
  groups.sort(
    (a, b) => OUTCOME_RANK[a.status] - OUTCOME_RANK[b.status] || GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group),
  );
  return { groups, notApplicable, counts };
}

/** The message-key stem of a rule id: `icp-number` → `icp_number`. */
export function ruleKey(ruleId: string): string {
  return ruleId.replace(/-/g, '_');
}
