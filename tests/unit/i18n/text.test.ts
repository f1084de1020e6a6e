import { describe, expect, it } from 'vitest';
import {
  badgeText,
  badgeTooltip,
  chineseNumber,
  citation,
  citationLegend,
  consumerVerdict,
  evidenceBreakWarning,
  joinList,
  outcomeCounts,
  resultMessage,
  statusName,
} from '@/i18n/text';
import { formatTime } from '@/i18n/dates';
import { audit, rule } from '../../support/fixtures';

describe('citations', () => {
  it('cites in Chinese by the instrument name with article, paragraph and item in Chinese numerals', () => {
    expect(citation('G1 art. 9', 'zh_CN')).toBe('《网络交易平台经营者履行社会责任指引》第九条');
    expect(citation('G2 art. 8(2)', 'zh_CN')).toBe('《网络交易平台合同格式条款规范指引》第八条第（二）项');
    expect(citation('G2 art. 6 para. 2', 'zh_CN')).toBe('《网络交易平台合同格式条款规范指引》第六条第二款');
    expect(citation('G2 art. 8 last para.', 'zh_CN')).toBe('《网络交易平台合同格式条款规范指引》第八条最后一款');
    expect(citation('G1 art. 14 para. 2', 'zh_CN')).toBe('《网络交易平台经营者履行社会责任指引》第十四条第二款');
    expect(citation('E-Commerce Law art. 15', 'zh_CN')).toBe('《中华人民共和国电子商务法》第十五条');
    expect(citation('G1 art. 33', 'zh_CN')).toContain('第三十三条');
  });

  it('keeps the short form in English, with the full names, issuer and year in a legend', () => {
    expect(citation('G2 art. 8(3)', 'en')).toBe('G2 art. 8(3)');
    expect(citationLegend(['G2 art. 8(3)', 'G1 art. 9', 'G2 art. 7'], 'en')).toEqual([
      'G1: Guidelines for online trading platform operators to fulfil social responsibility (网络交易平台经营者履行社会责任指引; State Administration for Industry and Commerce, 2014)',
      'G2: Guidelines on standard contract terms of online trading platforms (网络交易平台合同格式条款规范指引; State Administration for Industry and Commerce, 2014)',
    ]);
    expect(citationLegend(['E-Commerce Law art. 15'], 'zh_CN')).toEqual(['《中华人民共和国电子商务法》（全国人民代表大会常务委员会，2018 年）']);
  });

  it('shows a citation it cannot parse as written', () => {
    expect(citation('Some Rule §3', 'zh_CN')).toBe('Some Rule §3');
    expect(chineseNumber(10)).toBe('十');
    expect(chineseNumber(21)).toBe('二十一');
  });
});

describe('result messages', () => {
  it('expands a …Keys param into a list in the reader’s language', () => {
    const result = rule('contact-details', 'contact', 'fail', {
      messageKey: 'rule_not_applicable',
      messageParams: { pageTypeKeys: 'page_type_platform_home|page_type_shop' },
    });
    expect(resultMessage(result, 'zh_CN')).toBe('不适用于平台首页、店铺页。');
    expect(resultMessage(result, 'en')).toBe('Does not apply to this page type (platform home page, shop page).');
    expect(joinList(['a', 'b'], 'en')).toBe('a, b');
  });

  it('reads an audit stored with its rendered message and a key this version no longer has', () => {
    const stored = { ...rule('old-rule', 'filing', 'pass', { messageKey: 'rule_old_rule_gone' }), message: '旧版本的说明' };
    expect(resultMessage(stored, 'en')).toBe('旧版本的说明');
  });
});

describe('badge and counts', () => {
  it('counts only mandatory failures as not met; encouraged ones are advice', () => {
    const results = [rule('a', 'licence', 'fail'), rule('b', 'terms', 'fail', { level: 'encouraged' }), rule('c', 'contact', 'review')];
    expect(outcomeCounts(results)).toEqual({ fail: 1, advice: 1, review: 1, pass: 0, na: 0 });
    expect(badgeTooltip(audit({ results, grade: 'C', score: 60, verdict: 'fail' }), 'zh_CN')).toBe('亮照：C 级，60 分，1 项不符合');
  });

  it('marks a grade under review with a question mark and says why in the tooltip', () => {
    const reviewed = audit({ results: [rule('c', 'contact', 'review')], grade: 'A', score: 95, verdict: 'review' });
    expect(badgeText(reviewed)).toBe('A?');
    expect(badgeTooltip(reviewed, 'en')).toBe('Liangzhao: A? (score 95) — 1 to review before it can be called compliant; 0 not met');
    expect(badgeText(audit({ verdict: 'na', grade: 'N/A' }))).toBe('–');
    expect(statusName('fail', 'zh_CN')).toBe('不符合');
  });
});

describe('consumer verdict', () => {
  it('leads with what a shop leaves out, then what it shows, in plain Chinese and English', () => {
    const result = audit({
      pageType: 'shop',
      results: [
        rule('business-licence', 'licence', 'pass'),
        rule('contact-details', 'contact', 'fail'),
        rule('shop-seller-identity', 'seller', 'na'),
      ],
    });
    expect(consumerVerdict(result, 'zh_CN')).toBe('这家店没有留联系方式，但公示了营业执照。');
    expect(consumerVerdict(result, 'en')).toBe('This shop leaves no way to contact it, though it shows its business licence.');
  });

  it('says where an unfair clause was found, lists findings once each, ignores encouraged failures and counts reviews', () => {
    const result = audit({
      pageType: 'shop',
      results: [
        rule('business-licence', 'licence', 'pass'),
        rule('icp-number', 'filing', 'pass'),
        rule('no-liability-exclusion', 'unfair-terms', 'fail'),
        rule('no-rights-exclusion', 'unfair-terms', 'fail'),
        rule('advance-compensation', 'terms', 'fail', { level: 'encouraged' }),
        rule('contact-details', 'contact', 'review'),
      ],
    });
    expect(consumerVerdict(result, 'zh_CN')).toBe(
      '这家店有对消费者不公平的条款（见于这家店的页面），但公示了营业执照、ICP 备案号。另有 1 项需要人工确认。',
    );
    const terms = audit({ pageType: 'terms', results: [rule('no-rights-exclusion', 'unfair-terms', 'fail')] });
    expect(consumerVerdict(terms, 'en')).toBe('This agreement has clauses unfair to consumers.');
  });

  it('says when nothing was found wrong, when only failures were found, and when the page is not a shop', () => {
    const clean = audit({ pageType: 'platform-home', verdict: 'pass', results: [rule('icp-number', 'filing', 'pass')] });
    expect(consumerVerdict(clean, 'zh_CN')).toBe('这个平台公示了ICP 备案号，没有发现问题。');
    const bad = audit({ results: [rule('icp-number', 'filing', 'fail'), rule('contact-details', 'contact', 'fail')] });
    expect(consumerVerdict(bad, 'zh_CN')).toBe('这家店没有留联系方式，没有公示有效的 ICP 备案号。');
    const other = audit({ verdict: 'na', pageType: 'other', results: [rule('icp-number', 'filing', 'na')] });
    expect(consumerVerdict(other, 'zh_CN')).toContain('无需核查');
  });
});

describe('deletion warnings', () => {
  const at = Date.parse('2026-12-02T02:44:00Z');
  const capture = (sequence: number | null) => ({ sequence, capturedAtMs: at, url: `https://shop.example.cn/${sequence}` });

  it('names each capture a deletion would break the chain at, by its sequence, in either language', () => {
    const zh = evidenceBreakWarning([capture(3), capture(5)], 'zh_CN')!;
    expect(zh).toContain(`第 3 号取证（${formatTime(at, 'zh_CN')}，https://shop.example.cn/3）、第 5 号取证`);
    expect(zh).toContain('取证链将在');
    const en = evidenceBreakWarning([capture(3), capture(null)], 'en')!;
    expect(en).toContain(`capture no. 3 (${formatTime(at, 'en')}, https://shop.example.cn/3), an unnumbered capture`);
    expect(en).toContain('the evidence chain will show a break');
  });

  it('says nothing when no evidence goes, and counts the captures beyond the first five', () => {
    expect(evidenceBreakWarning([], 'zh_CN')).toBeNull();
    const many = evidenceBreakWarning([1, 2, 3, 4, 5, 6, 7].map(capture), 'en')!;
    expect(many).toContain('capture no. 5');
    expect(many).not.toContain('capture no. 6');
    expect(many).toContain('and others (7 captures in all)');
  });
});
