import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyPage } from '@/rules/page-type';
import type { PageSignals } from '@/rules/types';
import { factsWith, icpFact, noFacts } from './facts';
import { factsOf } from '../gather/support/dom';

function page(signals: Partial<PageSignals>, patch = {}) {
  return factsWith({ signals: { ...noFacts().signals, titleHints: [], ...signals }, ...patch });
}

describe('classifyPage', () => {
  it('finds a platform home page from its root URL and header words', () => {
    const facts = page({ path: '/', hostname: 'www.jd.com', homeHints: ['url:/', 'text:我的订单', 'text:购物车', 'text:合作招商'] });
    expect(classifyPage(facts)).toBe('platform-home');
  });

  it('takes a home page without any seller sign-up words or home title for a single seller store', () => {
    const store = { path: '/', hostname: 'www.yao123.com', titleHints: ['药急送'], homeHints: ['url:/', 'text:我的订单', 'text:购物车'] };
    expect(classifyPage(page(store))).toBe('shop');
    expect(classifyPage(page({ ...store, titleHints: ['示例商城 - 首页'] }))).toBe('platform-home');
  });

  it('finds a product page even though the site header is there too', () => {
    const facts = page({
      path: '/1309403.html',
      hostname: 'item.jd.com',
      productHints: ['url:item', 'title:价格', 'text:加入购物车', 'text:商品详情'],
      homeHints: ['text:我的订单', 'text:购物车', 'text:请登录'],
      shopHints: ['text:进入店铺'],
    });
    expect(classifyPage(facts)).toBe('product');
  });

  it('reads the site name at the end of a product title as the site, not as a home page', () => {
    const facts = page({
      path: '/work/saved/product.html',
      hostname: '',
      titleHints: ['小米手机14 12GB+256GB 黑色 - 小米商城'],
      homeHints: ['title:商城', 'text:购物车', 'text:我的订单'],
      productHints: ['text:加入购物车', 'text:立即购买', 'text:商品详情', 'text:规格参数'],
    });
    expect(classifyPage(facts)).toBe('product');
  });

  it('finds a shop from the shop name in its title, over the shop root URL', () => {
    const facts = page({
      path: '/',
      hostname: 'skyworth.tmall.com',
      shopHints: ['title:旗舰店', 'text:收藏店铺', 'text:店铺动态'],
      homeHints: ['url:/', 'text:购物车'],
    });
    expect(classifyPage(facts)).toBe('shop');
  });

  it('finds a terms page from its title and clause numbering', () => {
    const facts = page({
      path: '/agreement.html',
      hostname: 'www.example.cn',
      termsHints: ['url:agreement', 'title:协议', 'text:本协议', 'text:第一条'],
      homeHints: ['text:我的订单', 'text:购物车', 'text:请登录'],
    });
    expect(classifyPage(facts)).toBe('terms');
  });

  it('ignores URL hints for a saved file: its folder names are not the page', () => {
    const facts = page({ path: '/work/fixtures/terms/page.html', hostname: '', termsHints: ['url:terms'] });
    expect(classifyPage(facts)).toBe('other');
  });

  it('calls a page with no signals other', () => {
    expect(classifyPage(page({ path: '/news/2026/11/article-12.html', hostname: 'www.example.cn' }))).toBe('other');
  });

  it('does not take a portal or news home page for a marketplace', () => {
    const facts = page(
      { path: '/', hostname: 'news.example.cn', titleHints: ['示例新闻网'], homeHints: ['url:/', 'text:请登录', 'text:频道'] },
      { icp: [icpFact('京ICP备11041704号-1')] },
    );
    expect(classifyPage(facts)).toBe('other');
  });

  it('takes a top-level page of a shopping site carrying its ICP number as the home page', () => {
    const facts = page({ path: '/icp-linked.html', hostname: '127.0.0.1', titleHints: ['示例商城'] }, { icp: [icpFact('京ICP备11041704号-1')] });
    expect(classifyPage(facts)).toBe('platform-home');
  });

  it('does not take a deep page with the site footer as the home page', () => {
    const facts = page({ path: '/news/2026/a.html', hostname: 'www.example.cn' }, { icp: [icpFact('京ICP备11041704号-1')] });
    expect(classifyPage(facts)).toBe('other');
  });
});

describe('classifyPage on English pages', () => {
  const fixture = (name: string) =>
    readFileSync(join(__dirname, '../../fixtures/detectors/signals', `${name}.html`), 'utf8');

  it('finds an English marketplace home page from its menu and seller sign-up words', () => {
    expect(classifyPage(factsOf(fixture('english-marketplace-home'), 'https://www.chinatrade.example/'))).toBe('platform-home');
  });

  it('finds an English product page', () => {
    expect(classifyPage(factsOf(fixture('english-product'), 'https://www.chinatrade.example/product/8812.html'))).toBe('product');
  });

  it('does not take a blog with a sign-in link and the word "cart" in its prose for a shop', () => {
    expect(classifyPage(factsOf(fixture('english-blog'), 'https://notes.example.org/'))).toBe('other');
  });
});

describe('classifyPage on item pages named after their shop', () => {
  it('reads a bracketed product name before the shop name as an item page', () => {
    const facts = page({
      path: '',
      hostname: '',
      titleHints: ['【三只松鼠每日坚果750g/30袋】三只松鼠旗舰店-天猫Tmall.com'],
      productHints: ['title:【三只松鼠每日坚果750g/30袋】', 'text:立即购买', 'text:加入购物车'],
      shopHints: ['title:旗舰店', 'text:进入店铺', 'text:收藏店铺'],
      homeHints: ['text:购物车'],
    });
    expect(classifyPage(facts)).toBe('product');
  });

  it('still reads a shop home page titled with the shop name as a shop', () => {
    const facts = page({
      path: '',
      hostname: '',
      titleHints: ['首页-三只松鼠旗舰店-天猫Tmall.com'],
      productHints: ['text:加入购物车'],
      shopHints: ['title:旗舰店', 'text:所有宝贝', 'text:店铺动态'],
      homeHints: ['title:首页', 'text:购物车'],
    });
    expect(classifyPage(facts)).toBe('shop');
  });
});

describe('classifyPage on pages that only mention shopping', () => {
  const fixture = (name: string) =>
    readFileSync(join(__dirname, '../../fixtures/detectors/signals', `${name}.html`), 'utf8');

  it('does not take a news home page whose headlines say 购物车 or 商家入驻 for a marketplace', () => {
    expect(classifyPage(factsOf(fixture('news-headlines'), 'https://finance.sina.com.cn/'))).toBe('other');
  });

  it('does not take a deep help page with the site header for a home page or a shop', () => {
    expect(classifyPage(factsOf(fixture('help-article'), 'https://help.jd.com/user/index.html'))).toBe('other');
  });
});
