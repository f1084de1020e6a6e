import { describe, expect, it } from 'vitest';
import { factsOf } from '../gather/support/dom';

const kinds = (html: string) => factsOf(html).notices.map((n) => [n.kind, n.text]);

describe('notices', () => {
  it('finds a closing announcement with its date in the quote', () => {
    expect(kinds('<p>公告：本平台将于2027年3月1日停止运营，请用户及时提现。</p>')).toEqual([
      ['closing', '公告：本平台将于2027年3月1日停止运营，请用户及时提现。'],
    ]);
  });

  it('finds G1 art. 23 and art. 33 measures', () => {
    expect(kinds('<ul><li><a href="/pf">先行赔付</a></li><li>卖家信用评价体系</li><li><a href="/r">2023社会责任报告</a></li></ul>')).toEqual([
      ['advance-compensation', '先行赔付'],
      ['credit-evaluation', '卖家信用评价体系'],
      ['social-responsibility-report', '2023社会责任报告'],
    ]);
  });

  it('finds advance publication of term changes and emphasised clauses', () => {
    const found = kinds(
      '<p>协议修改将至少提前7日在首页公示。</p><p>请您务必审慎阅读本协议，<b>特别是免除或限制责任的条款</b>。</p>',
    ).map(([kind]) => kind);
    expect(found).toEqual(['terms-change-advance', 'conspicuous-terms', 'conspicuous-terms']);
  });

  it('ignores denials and unrelated emphasis', () => {
    expect(kinds('<p>本平台不会停止服务。</p><p><b>新品上市</b></p><p>本店没有先行赔付。</p>')).toEqual([]);
  });
});
