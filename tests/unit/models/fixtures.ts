import {
  AUDIT_SCHEMA,
  type AuditResult,
  type Facts,
  type RuleGroup,
  type RuleResult,
  type RuleStatus,
} from '@/rules/types';

export function emptyFacts(): Facts {
  return {
    icp: [],
    psb: [],
    businessLicence: [],
    uscc: [],
    phones: [],
    emails: [],
    addresses: [],
    postalCodes: [],
    terms: { userAgreement: [], privacyPolicy: [], tradingRules: [], consumerProtection: [], disputeResolution: [] },
    licences: [],
    governmentBadges: [],
    identityVerified: false,
    identityEvidence: [],
    unfairClauses: [],
    notices: [],
    signals: {
      path: '/',
      hostname: 'shop.example.cn',
      titleHints: [],
      shopHints: [],
      productHints: [],
      termsHints: [],
      homeHints: [],
      textLength: 0,
      linkCount: 0,
    },
    gatherErrors: [],
  };
}

export function rule(ruleId: string, group: RuleGroup, status: RuleStatus, extra: Partial<RuleResult> = {}): RuleResult {
  return {
    ruleId,
    status,
    level: 'mandatory',
    group,
    basis: ['G2 art. 8(2)'],
    message: `${ruleId} ${status}`,
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
    facts: emptyFacts(),
    ...overrides,
    results,
  };
}
