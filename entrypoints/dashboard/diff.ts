import { scoreOf } from '@/rules/scoring';
import type { AuditResult, RuleStatus } from '@/rules/types';

export interface RuleChange {
  ruleId: string;
  before: RuleStatus | null;
  after: RuleStatus | null;
  messageKey: string;
  messageParams?: Record<string, string | number>;
}

export interface AuditDiff {
  /** Null for an audit nothing applied to. */
  scoreBefore: number | null;
  scoreAfter: number | null;
  gradeBefore: string;
  gradeAfter: string;
  /** Rules whose status changed, or that one of the audits did not run (another ruleset version). */
  changes: RuleChange[];
}

/** What changed between an earlier and a later audit of the same page. */
export function diffAudits(earlier: AuditResult, later: AuditResult): AuditDiff {
  const before = new Map(earlier.results.map((r) => [r.ruleId, r]));
  const after = new Map(later.results.map((r) => [r.ruleId, r]));
  const changes: RuleChange[] = [];
  for (const [ruleId, next] of after) {
    const previous = before.get(ruleId);
    if (previous?.status === next.status) continue;
    changes.push({
      ruleId,
      before: previous?.status ?? null,
      after: next.status,
      messageKey: next.messageKey,
      ...(next.messageParams ? { messageParams: next.messageParams } : {}),
    });
  }
  for (const [ruleId, previous] of before) {
    if (after.has(ruleId)) continue;
    changes.push({
      ruleId,
      before: previous.status,
      after: null,
      messageKey: previous.messageKey,
      ...(previous.messageParams ? { messageParams: previous.messageParams } : {}),
    });
  }
  return {
    scoreBefore: scoreOf(earlier),
    scoreAfter: scoreOf(later),
    gradeBefore: earlier.grade,
    gradeAfter: later.grade,
    changes,
  };
}
