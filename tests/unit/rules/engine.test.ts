import { describe, expect, it } from 'vitest';
import { evaluate, RULESET_VERSION, ruleCatalogue } from '@/rules';
import { EVIDENCE_LIMIT } from '@/rules/rule';
import icpNumber from '@/rules/catalogue/icp-number';
import { defineRule, type Rule } from '@/rules/rule';
import { AUDIT_SCHEMA, type Facts } from '@/rules/types';
import { factsWith, icpFact } from './facts';
import { resultMessage } from '@/i18n/text';

const meta = { url: 'https://shop.example.cn/', title: '示例商城', mode: 'browser' as const, auditedAt: '2026-11-28T20:54:00+08:00' };

const throwing: Rule = defineRule({
  id: 'throws-always',
  group: 'presentation',
  level: 'mandatory',
  basis: ['G2 art. 8'],
  pageTypes: ['platform-home'],
  evaluate() {
    throw new Error('boom');
  },
});

describe('evaluate', () => {
  it('returns the audit shape with the ruleset version, and a message key with params the text layer renders', () => {
    const linked = icpFact('京ICP备11041704号-1', { linked: true, href: 'https://beian.miit.gov.cn/' });
    const result = evaluate(factsWith({ icp: [linked] }), { ...meta, pageType: 'platform-home' }, [icpNumber]);
    expect(result.schema).toBe(AUDIT_SCHEMA);
    expect(result.rulesetVersion).toBe(RULESET_VERSION);
    expect(result.auditedAt).toBe(meta.auditedAt);
    expect(result.results[0]).toMatchObject({ ruleId: 'icp-number', status: 'pass', level: 'mandatory', basis: ['G2 art. 8(2)'] });
    expect(result.results[0]).not.toHaveProperty('message');
    expect(resultMessage(result.results[0], 'zh_CN')).toContain('京ICP备11041704号-1');
    expect(result.verdict).toBe('pass');
  });

  it('gives a page with a linked ICP number a different verdict from a page without', () => {
    const linked = icpFact('京ICP备11041704号-1', { linked: true });
    const withIcp = evaluate(factsWith({ icp: [linked] }), { ...meta, pageType: 'platform-home' }, [icpNumber]);
    const without = evaluate(factsWith({}), { ...meta, pageType: 'platform-home' }, [icpNumber]);
    expect(withIcp.verdict).not.toBe(without.verdict);
    expect(without.verdict).toBe('fail');
  });

  it('reports a throwing rule as error and still runs the others', () => {
    const result = evaluate(factsWith({}), { ...meta, pageType: 'platform-home' }, [throwing, icpNumber]);
    const error = result.results.find((r) => r.ruleId === 'throws-always');
    expect(error).toMatchObject({ status: 'error', messageKey: 'rule_error' });
    expect(error && resultMessage(error, 'en')).toContain('boom');
    expect(result.results.find((r) => r.ruleId === 'icp-number')?.status).toBe('fail');
  });

  it('judges incomplete stored facts without throwing: missing parts become rule errors', () => {
    const partial = { icp: [icpFact('京ICP备11041704号', { linked: true })] } as unknown as Facts;
    const result = evaluate(partial, { ...meta, pageType: 'platform-home' });
    expect(result.detectedPageType).toBe('other');
    expect(result.results.find((r) => r.ruleId === 'icp-number')?.status).toBe('pass');
    expect(result.results.some((r) => r.status === 'error')).toBe(true);
    expect(result.verdict).not.toBe('pass');
  });

  it('marks rules for other page types not applicable, never failed', () => {
    const result = evaluate(factsWith({}), { ...meta, pageType: 'product' }, [icpNumber]);
    expect(result.results[0].status).toBe('na');
    expect(resultMessage(result.results[0], 'zh_CN')).toBe('不适用于商品页。');
    expect(result.grade).toBe('N/A');
    expect(result.verdict).toBe('na');
  });

  it('keeps the classifier answer when a person overrides the page type', () => {
    const result = evaluate(factsWith({}), { ...meta, pageType: 'terms' });
    expect(result.pageType).toBe('terms');
    expect(result.detectedPageType).not.toBe('terms');
  });

  it('renders the same result in English through the text layer', () => {
    const result = evaluate(factsWith({}), { ...meta, pageType: 'product', locale: 'en' }, [icpNumber]);
    expect(resultMessage(result.results[0], 'en')).toBe('Does not apply to this page type (product page).');
    expect(result.locale).toBe('en');
  });

  it('sorts failures first, then review, pass and not applicable', () => {
    const result = evaluate(factsWith({}), { ...meta, pageType: 'platform-home' });
    const order = ['fail', 'error', 'review', 'pass', 'na'];
    const ranks = result.results.map((r) => order.indexOf(r.status));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('keeps at most EVIDENCE_LIMIT evidence items per result', () => {
    const many = [...Array(50)].map((_, i) => icpFact(`京ICP证${100000 + i}号`, { kind: 'licence' }));
    const result = evaluate(factsWith({ icp: many }), { ...meta, pageType: 'platform-home' }, [icpNumber]);
    expect(result.results[0].evidence).toHaveLength(EVIDENCE_LIMIT);
    expect(result.facts.icp).toHaveLength(50);
  });

  it('counts the evidence left out past the limit, and the text layer says how much in both languages', () => {
    const many = [...Array(25)].map((_, i) => icpFact(`京ICP备${11041700 + i}号`, { linked: false }));
    const result = evaluate(factsWith({ icp: many }), { ...meta, pageType: 'platform-home' }, [icpNumber]).results[0];
    expect(result.evidence).toHaveLength(EVIDENCE_LIMIT);
    expect(result.messageParams).toMatchObject({ unlistedCount: 25 - EVIDENCE_LIMIT });
    expect(resultMessage(result, 'zh_CN')).toContain('另有 5 条证据未列出');
    expect(resultMessage(result, 'en')).toContain('5 more not listed');
    const few = evaluate(factsWith({ icp: many.slice(0, 3) }), { ...meta, pageType: 'platform-home' }, [icpNumber]).results[0];
    expect(few.messageParams).not.toHaveProperty('unlistedCount');
  });

  it('lists rule metadata for the UIs', () => {
    expect(ruleCatalogue.map((rule) => rule.id)).toContain('icp-number');
    expect(ruleCatalogue[0]).not.toHaveProperty('evaluate');
  });
});
