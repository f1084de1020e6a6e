import { describe, expect, it } from 'vitest';
import { badgeClaim } from '@/rules/detectors/government-badges';
import { factsOf } from '../gather/support/dom';

describe('badgeClaim', () => {
  it.each([
    ['工商网监', '网监'],
    ['红盾', '红盾'],
    ['电子标识', '电子标识'],
    ['亮照', '亮照'],
    ['网络警察提醒你', '公安'],
    ['gongshang.png', '工商'],
  ])('%s -> %s', (words, claim) => {
    expect(badgeClaim(words)).toBe(claim);
  });

  it('is not fooled by a bank', () => {
    expect(badgeClaim('中国工商银行')).toBeNull();
  });
});

describe('government badges in pages', () => {
  it('official only on a government host by parsed hostname', () => {
    const facts = factsOf(
      '<a href="https://zzlz.gsxt.gov.cn/x"><img alt="亮照"></a>' +
        '<a href="https://gsxt.gov.cn.example.com/x"><img alt="工商网监"></a>' +
        '<a href="https://shop.example.cn/badge"><img src="/i/hongdun.png"></a>' +
        '<img alt="红盾" src="/i/rs.png">' +
        '<a href="https://www.icbc.com.cn/">中国工商银行</a>' +
        '<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=1">京公网安备 11000002000088号</a>',
    );
    expect(facts.governmentBadges.map((b) => [b.claims, b.official, b.href])).toEqual([
      ['亮照', true, 'https://zzlz.gsxt.gov.cn/x'],
      ['网监', false, 'https://gsxt.gov.cn.example.com/x'],
      ['红盾', false, 'https://shop.example.cn/badge'],
      ['红盾', false, null],
    ]);
  });

  it('treats the electronic-licence icon as an electronic identifier, a text link to the licence not', () => {
    const facts = factsOf(
      '<a href="https://gsxt.gov.cn.example.com/x"><img alt="电子营业执照"></a><a href="/licence">电子营业执照</a>',
    );
    expect(facts.governmentBadges.map((b) => [b.claims, b.official])).toEqual([['电子标识', false]]);
  });

  it('treats an icon-only link to a regulator as its badge', () => {
    const facts = factsOf('<a href="http://idinfo.zjaic.gov.cn/bscx.do?id=1" class="tb-footer-mod"></a>');
    expect(facts.governmentBadges[0]).toMatchObject({ claims: '工商', official: true });
  });
});
