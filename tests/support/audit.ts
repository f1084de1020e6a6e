import { emptyFacts } from '@/rules/detectors';
import { AUDIT_SCHEMA, type AuditResult, type Facts, type RuleResult } from '@/rules/types';

/** Facts of a page where nothing was found. */
export function noFacts(): Facts {
  return emptyFacts('https://shop.example.cn/');
}

export function ruleResult(overrides: Partial<RuleResult> = {}): RuleResult {
  return {
    ruleId: 'icp-number',
    status: 'pass',
    level: 'mandatory',
    group: 'filing',
    basis: ['G2 art. 8(2)'],
    messageKey: 'rule_icp_number_pass',
    evidence: [],
    ...overrides,
  };
}

/** A complete audit with sensible defaults, for tests of everything downstream of the engine. */
export function auditResult(overrides: Partial<AuditResult> = {}): AuditResult {
  return {
    schema: AUDIT_SCHEMA,
    url: 'https://shop.example.cn/',
    title: '示例商城',
    auditedAt: '2026-11-28T20:00:00+08:00',
    mode: 'browser',
    pageType: 'platform-home',
    detectedPageType: 'platform-home',
    score: 100,
    grade: 'A',
    verdict: 'pass',
    rulesetVersion: '1.0.0',
    locale: 'zh_CN',
    results: [ruleResult()],
    facts: noFacts(),
    ...overrides,
  };
}
