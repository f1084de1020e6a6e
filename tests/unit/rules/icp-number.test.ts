import { describe, expect, it } from 'vitest';
import icpNumber from '@/rules/catalogue/icp-number';
import type { RuleContext } from '@/rules/rule';
import { factsWith, icpFact } from './facts';

const context: RuleContext = { pageType: 'platform-home', mode: 'browser', url: 'https://shop.example.cn/', auditedAt: '2026-11-28T20:54:00+08:00' };

describe('icp-number', () => {
  it('passes a well-formed number linked to MIIT', () => {
    const fact = icpFact('京ICP备11041704号-1', { linked: true, href: 'https://beian.miit.gov.cn/' });
    const outcome = icpNumber.evaluate(factsWith({ icp: [fact] }), context);
    expect(outcome).toMatchObject({ status: 'pass', messageParams: { number: '京ICP备11041704号-1' } });
    expect(outcome.evidence[0].href).toBe('https://beian.miit.gov.cn/');
  });

  it('passes when any well-formed number is linked (a licence beside a linked filing)', () => {
    const licence = icpFact('京ICP证110507号', { kind: 'licence' });
    const filing = icpFact('京ICP备10046444号', { linked: true });
    expect(icpNumber.evaluate(factsWith({ icp: [licence, filing] }), context).status).toBe('pass');
  });

  it('asks for review when the number is well formed but not linked', () => {
    const outcome = icpNumber.evaluate(factsWith({ icp: [icpFact('京ICP证070359号', { kind: 'licence' })] }), context);
    expect(outcome).toMatchObject({ status: 'review', messageKey: 'rule_icp_number_review_unlinked' });
  });

  it('fails when no number is shown', () => {
    expect(icpNumber.evaluate(factsWith({}), context)).toMatchObject({ status: 'fail', messageKey: 'rule_icp_number_fail_missing' });
  });

  it('fails a malformed number, quoting it', () => {
    const bad = icpFact('ICP备12345号', { province: null, valid: false, linked: true });
    const outcome = icpNumber.evaluate(factsWith({ icp: [bad] }), context);
    expect(outcome).toMatchObject({ status: 'fail', messageKey: 'rule_icp_number_fail_malformed', messageParams: { number: 'ICP备12345号' } });
  });

  it('does not count a hidden number as shown', () => {
    const concealed = icpFact('粤ICP备14088652号-2', { visible: false, hiddenReason: 'display-none', linked: true });
    const outcome = icpNumber.evaluate(factsWith({ icp: [concealed] }), context);
    expect(outcome).toMatchObject({ status: 'fail', messageKey: 'rule_icp_number_fail_hidden' });
    expect(outcome.evidence[0].hiddenReason).toBe('display-none');
  });

  it('counts a number whose visibility a static parse cannot know', () => {
    const unknown = icpFact('京ICP备11041704号', { visible: null, linked: true });
    expect(icpNumber.evaluate(factsWith({ icp: [unknown] }), { ...context, mode: 'static' }).status).toBe('pass');
  });
});
