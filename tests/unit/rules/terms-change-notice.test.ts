import { resultMessage } from '@/i18n/text';
/** terms-change-notice with and without the earlier version in its context: the three notice cases. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { auditDocument, evaluate } from '@/rules';
import { termsHtml, TERMS_URL, type TermsFixture } from '../../support/terms';

function audit(name: TermsFixture) {
  return auditDocument(parseHTML(termsHtml(name)).document as unknown as Document, { url: TERMS_URL, mode: 'static' });
}

function noticeResult(name: TermsFixture, previous?: TermsFixture, termsFirstSeen?: string) {
  const current = audit(name);
  const earlier = previous ? audit(previous).facts.termsDocument : undefined;
  const judged = evaluate(current.facts, { url: TERMS_URL, title: current.title, mode: 'static', auditedAt: current.auditedAt, previousTerms: earlier, termsFirstSeen });
  return judged.results.find((result) => result.ruleId === 'terms-change-notice')!;
}

describe('terms-change-notice', () => {
  it('judges the first version by its stated dates alone, quoting them', () => {
    const result = noticeResult('agreement-v1');
    expect(result).toMatchObject({ status: 'pass', messageKey: 'rule_terms_change_notice_pass_dates', messageParams: { published: '2026-01-01', effective: '2026-01-10', days: 9 } });
    expect(result.evidence.map((e) => e.text)).toEqual(['更新日期：2026年1月1日', '生效日期：2026年1月10日']);
  });

  it('passes a change published seven days ahead, with the diff counts', () => {
    expect(noticeResult('agreement-v2-pass', 'agreement-v1')).toMatchObject({
      status: 'pass',
      messageKey: 'rule_terms_change_notice_changed_pass',
      messageParams: { published: '2026-11-20', effective: '2026-11-27', days: 7, added: 1, removed: 0, changed: 3 },
    });
  });

  it('fails a change that takes effect two days after publication', () => {
    const result = noticeResult('agreement-v2-fail', 'agreement-v1');
    expect(result).toMatchObject({ status: 'fail', messageKey: 'rule_terms_change_notice_changed_fail', messageParams: { days: 2 } });
    expect(resultMessage(result, 'zh_CN')).toContain('仅提前2日');
  });

  it('asks for review of a change whose effective date is not stated', () => {
    const result = noticeResult('agreement-v2-review', 'agreement-v1');
    expect(result).toMatchObject({ status: 'review', messageKey: 'rule_terms_change_notice_changed_review', messageParams: { missingKeys: 'terms_date_effective' } });
    expect(resultMessage(result, 'zh_CN')).toContain('未写明生效日期');
  });

  it('adds the first-seen observation without changing the verdict', () => {
    const result = noticeResult('agreement-v2-pass', 'agreement-v1', '2026-11-24T09:00:00+08:00');
    expect(result).toMatchObject({ status: 'pass', messageKey: 'rule_terms_change_notice_changed_pass_seen_late', messageParams: { firstSeen: '2026-11-24', seenDays: 3 } });
  });

  it('judges an unchanged re-visit by its own dates, not as a change', () => {
    expect(noticeResult('agreement-v1-revisit', 'agreement-v1').messageKey).toBe('rule_terms_change_notice_pass_dates');
  });

  it('fails a version that takes effect on publication', () => {
    const html = '<html><head><title>用户协议</title></head><body><h1>用户协议</h1><p>发布日期：2026年11月25日</p><p>本协议自发布之日起生效。</p><p>第一条 总则</p><p>第二条 其他</p></body></html>';
    const result = auditDocument(parseHTML(html).document as unknown as Document, { url: TERMS_URL, mode: 'static', pageType: 'terms' }).results.find((r) => r.ruleId === 'terms-change-notice');
    expect(result).toMatchObject({ status: 'fail', messageKey: 'rule_terms_change_notice_fail_on_publication' });
  });
});
