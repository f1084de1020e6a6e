import { emptyFacts } from '@/rules/detectors';
import { judgePage, termsTextWanted } from '@/rules/engine';
import type { Message, ReportReply } from '@/messaging/protocol';
import { AUDIT_SCHEMA, COLLECTED_PAGE_SCHEMA, type AuditResult, type CollectedPage, type Facts, type RuleResult } from '@/rules/types';

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

/** What a content script collects of a page where nothing was found; `pageType` judges it as a person chose. */
export function collectedPage(overrides: Partial<CollectedPage> = {}): CollectedPage {
  return {
    schema: COLLECTED_PAGE_SCHEMA,
    url: 'https://shop.example.cn/',
    title: '示例商城',
    auditedAt: '2026-11-28T20:00:00+08:00',
    mode: 'browser',
    facts: noFacts(),
    ...overrides,
  };
}

/**
 * A background's answer to a content script's report, as the router gives it: the page judged, stored as `auditId`
 * (null with `error` when the write was refused), or the terms text asked for.
 */
export function judgedReply(message: Message, auditId: number | null, error?: string): ReportReply {
  if (message.type !== 'audit:report') throw new Error(`not a report: ${message.type}`);
  if (termsTextWanted(message.page)) return { termsTextWanted: true };
  const { facts: _facts, ...judgement } = judgePage(message.page);
  return { auditId, ...(error ? { error } : {}), judgement };
}
