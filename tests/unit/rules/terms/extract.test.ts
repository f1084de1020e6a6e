import { describe, expect, it } from 'vitest';
import { canonicalUrl, cleanUrl } from '@/rules/terms/canonical';
import { MAX_CLAUSES } from '@/rules/terms/extract';
import { termsDocument, termsHtml } from '../../../support/terms';
import { parseHTML } from 'linkedom';

describe('terms extractor', () => {
  it('reads numbered clauses, the preamble and the stated dates', () => {
    const doc = termsDocument(termsHtml('agreement-v1'));
    expect(doc.kind).toBe('agreement');
    expect(doc.clauses.map((clause) => clause.label)).toEqual([null, '第一条', '第二条', '第三条', '第四条', '第五条']);
    expect(doc.clauses[2].text).toBe('第二条账户注册与使用\n您应当使用真实身份信息注册账户。您应妥善保管账户和密码。因您保管不善造成的损失，平台将协助您挽回。');
    expect(doc.dates.updated).toMatchObject({ date: '2026-01-01', quote: '更新日期：2026年1月1日' });
    expect(doc.dates.effective).toMatchObject({ date: '2026-01-10', quote: '生效日期：2026年1月10日' });
    expect(doc.dates.effective?.selector).toContain('p:nth-of-type(2)');
    expect(doc.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('leaves header, navigation, login name and footer out: an unchanged agreement keeps its digest', () => {
    const first = termsDocument(termsHtml('agreement-v1'));
    const revisit = termsDocument(termsHtml('agreement-v1-revisit'));
    const allText = first.clauses.map((clause) => clause.text).join('\n');
    for (const perVisit of ['张三', '购物车', '规则中心', '页面生成时间', 'ICP']) expect(allText).not.toContain(perVisit);
    expect(revisit.digest).toBe(first.digest);
  });

  it('gives the same digest for the same text laid out differently (line wraps, full-width digits, spaces)', () => {
    const a = termsDocument('<body><p>第一条 总则</p><p>本协议自２０２６年１月１日起生效。</p><p>第二条 其他</p><p>无</p></body>');
    const b = termsDocument('<body><div><p>第一条\n  总则</p>\n<p>本协议自 2026年1月1日 起生效。</p></div><p>第二条 其他</p><p>无</p></body>');
    expect(b.digest).toBe(a.digest);
    expect(a.dates.effective?.date).toBe('2026-01-01');
  });

  it('changes the digest when one clause changes', () => {
    expect(termsDocument(termsHtml('agreement-v2-pass')).digest).not.toBe(termsDocument(termsHtml('agreement-v1')).digest);
  });

  it('reads "takes effect on publication" and a version number', () => {
    const doc = termsDocument('<body><p>版本：V3.2</p><p>发布日期：2026年11月25日</p><p>本协议自发布之日起生效。</p></body>');
    expect(doc.dates.effective).toMatchObject({ date: null, onPublication: true, quote: '本协议自发布之日起生效。' });
    expect(doc.dates.published?.date).toBe('2026-11-25');
    expect(doc.dates.version?.value).toBe('V3.2');
  });

  it('reads paragraphs as clauses when the text has no numbering', () => {
    const doc = termsDocument('<body><p>欢迎使用。</p><p>请遵守规则。</p><p>最后更新于2025-03-04</p></body>');
    expect(doc.clauses.map((clause) => clause.text)).toEqual(['欢迎使用。', '请遵守规则。', '最后更新于2025-03-04']);
    expect(doc.dates.updated?.date).toBe('2025-03-04');
  });

  it('keeps an article\'s own header (title and dates) but not the page header', () => {
    const doc = termsDocument('<body><header>站点导航 登录</header><article><header><h1>隐私政策</h1><p>生效日期：2026年2月1日</p></header><p>一、我们收集的信息</p><p>二、我们如何使用</p></article></body>');
    expect(doc.kind).toBe('privacy-policy');
    expect(doc.clauses[0].text).toBe('隐私政策\n生效日期：2026年2月1日');
    expect(doc.clauses.some((clause) => clause.text.includes('登录'))).toBe(false);
  });

  it('is bounded and iterative on hostile input: deep nesting, many clauses', () => {
    const deep = '<div>'.repeat(20_000) + '第一条 深' + '</div>'.repeat(20_000);
    expect(() => termsDocument(`<body>${deep}</body>`)).not.toThrow();
    const many = Array.from({ length: MAX_CLAUSES + 50 }, (_, i) => `<p>第${i + 1}条 条款${i}</p>`).join('');
    const doc = termsDocument(`<body>${many}</body>`);
    expect(doc.clauses).toHaveLength(MAX_CLAUSES);
    expect(doc.truncated).toBe(true);
  }, 30_000); // parsing 20,000 levels in linkedom is slow on a loaded machine; this is no timing budget
});

describe('canonical URL of a terms document', () => {
  it('drops the fragment and tracking parameters, keeps the rest', () => {
    expect(cleanUrl('https://rule.example.cn/p?id=7&spm=a1.b2&utm_source=x#top')).toBe('https://rule.example.cn/p?id=7');
  });

  it('takes the canonical link on the same site, never another site\'s', () => {
    const same = parseHTML('<html><head><link rel="canonical" href="/agreement"></head><body></body></html>').document;
    expect(canonicalUrl(same as unknown as Document, 'https://www.example.cn/agreement.html?from=home')).toBe('https://www.example.cn/agreement');
    const other = parseHTML('<html><head><link rel="canonical" href="https://elsewhere.com/x"></head><body></body></html>').document;
    expect(canonicalUrl(other as unknown as Document, 'https://www.example.cn/a')).toBe('https://www.example.cn/a');
  });
});
