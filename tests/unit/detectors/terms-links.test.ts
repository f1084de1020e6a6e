import { describe, expect, it } from 'vitest';
import { classifyTermsLabel } from '@/rules/detectors/terms-links';
import { factsOf } from '../gather/support/dom';

describe('classifyTermsLabel', () => {
  it.each([
    ['用户协议', 'userAgreement'],
    ['淘宝服务协议', 'userAgreement'],
    ['Terms of Service', 'userAgreement'],
    ['隐私政策', 'privacyPolicy'],
    ['法律声明及隐私权政策', 'privacyPolicy'],
    ['隐私协议', 'privacyPolicy'],
    ['Privacy Policy', 'privacyPolicy'],
    ['个人信息保护政策', 'privacyPolicy'],
    ['规则', 'tradingRules'],
    ['天猫规则', 'tradingRules'],
    ['平台交易规则', 'tradingRules'],
    ['消费者保障', 'consumerProtection'],
    ['Buyer Protection', 'consumerProtection'],
    ['投诉与建议', 'disputeResolution'],
    ['纠纷处理', 'disputeResolution'],
    ['投诉举报', 'disputeResolution'],
    ['【用户协议】', 'userAgreement'],
    ['[规则] >>', 'tradingRules'],
    ['（隐私政策）»', 'privacyPolicy'],
  ])('%s -> %s', (label, kind) => {
    expect(classifyTermsLabel(label)).toBe(kind);
  });

  it.each(['京豆规则', '详见京豆规则', '隐私包装', '社会保障', '法律声明', '免责条款', '12377举报', '违法和不良信息举报',
    '意见反馈', '知识产权投诉', '廉正举报', '高领不规则针织毛衣', '正品保障10天保退换', '防癌保障'])('%s is no terms link', (label) => {
    expect(classifyTermsLabel(label)).toBeNull();
  });

  it('reads the line: a bare 规则 beside loyalty points is no trading rule', () => {
    expect(classifyTermsLabel('[规则]', '前五名可获双倍京豆 [规则]')).toBeNull();
  });

  it('judges a label that names its rules by its own words, not by the other links on its line', () => {
    expect(classifyTermsLabel('平台交易规则', '评价')).toBe('tradingRules');
    expect(classifyTermsLabel('天猫规则', '积分')).toBe('tradingRules');
  });
});

describe('terms links in pages', () => {
  it('needs a real href and its own words, not a seal image', () => {
    const facts = factsOf(
      '<a href="###">隐私申明</a><a href="javascript:;">用户协议</a>' +
        '<a href="//privacy.truste.com/seal"><img alt="TRUSTe Privacy Certification"></a>' +
        '<a href="https://list.jd.com/list.html?cat=1713,3287">社会保障</a>',
    );
    expect(Object.values(facts.terms).flat()).toEqual([]);
  });

  it('finds a consumer-protection section heading by the links under it', () => {
    const facts = factsOf(
      '<div><h4>天猫保障</h4><ul><li><a href="https://s.tmall.com/1">发票保障</a></li><li><a href="https://s.tmall.com/2">售后规则</a></li></ul></div>' +
        '<div><h4>社会保障</h4><ul><li><a href="https://b.cn/3">退休金</a></li></ul></div>',
    );
    expect(facts.terms.consumerProtection.map((t) => t.text)).toEqual(['天猫保障']);
  });

  it('reads a heading by its letters alone, and passes over a line of more than eight', () => {
    const links = '<ul><li><a href="https://s.tmall.com/1">退货无忧</a></li></ul>';
    const facts = factsOf(
      `<div><h4>\ue600 天猫 · 保障</h4>${links}</div>` +
        `<div><h4>示例商品旗舰店正品保障</h4>${links}</div>` +
        `<div><h4>Tmall 保障 2026</h4>${links}</div>`,
    );
    expect(facts.terms.consumerProtection.map((t) => t.text)).toEqual(['天猫保障']);
  });
});
