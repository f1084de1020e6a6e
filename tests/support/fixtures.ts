import {
  AUDIT_SCHEMA,
  type AuditResult,
  type RuleGroup,
  type RuleResult,
  type RuleStatus,
} from '@/rules/types';
import { noFacts } from './audit';

export function rule(ruleId: string, group: RuleGroup, status: RuleStatus, extra: Partial<RuleResult> = {}): RuleResult {
  return {
    ruleId,
    status,
    level: 'mandatory',
    group,
    basis: ['G2 art. 8(2)'],
    messageKey: `${ruleId}-${status}`,
    evidence: [],
    ...extra,
  };
}

export function audit(overrides: Partial<AuditResult> = {}): AuditResult {
  const results = overrides.results ?? [rule('icp-number', 'filing', 'pass'), rule('contact-phone', 'contact', 'fail')];
  return {
    schema: AUDIT_SCHEMA,
    url: 'https://shop.example.cn/item/1',
    title: '示例商城 - 首页',
    auditedAt: '2026-11-28T12:00:00.000+08:00',
    mode: 'browser',
    pageType: 'shop',
    detectedPageType: 'shop',
    score: 70,
    grade: 'C',
    verdict: 'fail',
    rulesetVersion: 'test',
    locale: 'zh_CN',
    facts: noFacts(),
    ...overrides,
    results,
  };
}
