import { describe, expect, it } from 'vitest';
import { isLicenceLink, licenceTarget } from '@/rules/detectors/business-licence';
import { isMarketRegulationHref } from '@/rules/detectors/gov-hosts';
import { FINDINGS_LIMIT } from '@/rules/detectors/findings-limit';
import { factsOf } from '../gather/support/dom';

const link = (text: string, href: string | null, imageText = '', title = '') => ({ text, href, imageText, title });

describe('isLicenceLink', () => {
  it.each(['营业执照', '电子营业执照', '营业执照信息', '企业法人营业执照', '经营证照', '企业资质', 'Business License'])(
    '%s',
    (label) => expect(isLicenceLink(link(label, 'https://a.cn/l'))).toBe(true),
  );

  it('accepts an image labelled by alt text', () => {
    expect(isLicenceLink(link('', 'https://a.cn/l.jpg', '营业执照'))).toBe(true);
  });

  it('accepts icon-only links to a market-regulation host, not to other hosts', () => {
    expect(isLicenceLink(link('', 'http://idinfo.zjaic.gov.cn/bscx.do?id=1'))).toBe(true);
    expect(isLicenceLink(link('', 'https://zzlz.gsxt.gov.cn/businessCheck/verifKey.do'))).toBe(true);
    expect(isLicenceLink(link('', 'https://www.example.com/'))).toBe(false);
    expect(isLicenceLink(link('', 'https://www.example.com/yyzz'), 'img-yyzz')).toBe(true);
  });

  it('rejects complaint channels on the regulator’s host', () => {
    expect(isLicenceLink(link('全国12315互联网平台', 'https://www.12315.gov.cn/'))).toBe(false);
  });
});

describe('licenceTarget', () => {
  it.each([
    ['https://zzlz.gsxt.gov.cn/x', 'official'],
    ['http://idinfo.zjamr.zj.gov.cn/bscx.do', 'official'],
    ['https://gsxt.gov.cn.example.com/x', 'other'],
    ['https://shop.example.cn/licence.jpg', 'image'],
    ['https://www.example.cn/about/licence.html', 'site-page'],
    ['https://other.com/x', 'other'],
    [null, 'none'],
  ])('%s -> %s', (href, target) => {
    expect(licenceTarget(href, 'https://shop.example.cn/')).toBe(target);
  });

  it('counts a relative link of a saved page as the site’s own page', () => {
    expect(licenceTarget('file:///tmp/help/license.html', 'file:///tmp/page.html')).toBe('site-page');
  });

  it('knows market-regulation hosts by parsed hostname', () => {
    expect(isMarketRegulationHref('http://www.hd315.gov.cn/beian/view.asp')).toBe(true);
    expect(isMarketRegulationHref('http://www.sgs.gov.cn/lz/licenseLink.do')).toBe(true);
    expect(isMarketRegulationHref('http://hd315.gov.cn.example.com/')).toBe(false);
    expect(isMarketRegulationHref('http://www.gdnet110.gov.cn/')).toBe(false);
  });
});

describe('business licence in pages', () => {
  it('keeps a placeholder link with no target, and a hidden one as hidden', () => {
    const facts = factsOf('<a href="#">营业执照</a><p style="display:none"><a href="https://zzlz.gsxt.gov.cn/a">亮照</a></p>');
    expect(facts.businessLicence.map((f) => [f.target, f.href, f.visible])).toEqual([
      ['none', null, null],
      ['official', 'https://zzlz.gsxt.gov.cn/a', false],
    ]);
  });

  it('does not take the licence written as text (the USCC detector does)', () => {
    const facts = factsOf('<p>营业执照：91330100716105852F</p>');
    expect(facts.businessLicence).toEqual([]);
    expect(facts.uscc[0]).toMatchObject({ code: '91330100716105852F', valid: true, labelled: true });
  });

  it('finds an icon-only regulator link whose written href only the URL parser turns into gov.cn', () => {
    // The written href is tested before the URL is resolved: capitals, escapes and line breaks must not hide one.
    const facts = factsOf(
      '<a href="HTTPS://ZZLZ.GSXT.GOV.CN/a"><img src="x.png"></a><a href="https://zzlz.gsxt.%67ov.cn/b"><img src="y.png"></a>' +
        '<a href="https://zzlz.gsxt.g\nov.cn/c"><img src="z.png"></a><a href="/d"><img src="w.png"></a>',
    );
    expect(facts.businessLicence.map((f) => f.href)).toEqual([
      'https://zzlz.gsxt.gov.cn/a',
      'https://zzlz.gsxt.gov.cn/b',
      'https://zzlz.gsxt.gov.cn/c',
    ]);
    // A relative link counts when the page itself is on a regulator's host.
    const onRegulator = factsOf('<a href="/lz/1"><img src="w.png"></a>', 'https://zzlz.gsxt.gov.cn/');
    expect(onRegulator.businessLicence.map((f) => f.href)).toEqual(['https://zzlz.gsxt.gov.cn/lz/1']);
  });

  it('stops at the findings limit on a page of thousands of licence links, keeping the first ones', () => {
    const html = Array.from({ length: 3_000 }, (_, i) => `<a href="/l${i}">营业执照</a>`).join('');
    const facts = factsOf(html);
    expect(facts.businessLicence).toHaveLength(FINDINGS_LIMIT);
    expect(facts.businessLicence[0].href).toBe('https://shop.example.cn/l0');
    expect(facts.businessLicence.at(-1)!.href).toBe(`https://shop.example.cn/l${FINDINGS_LIMIT - 1}`);
  });
});
