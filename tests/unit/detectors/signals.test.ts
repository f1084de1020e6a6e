import { describe, expect, it } from 'vitest';
import { factsOf } from '../gather/support/dom';

describe('page signals', () => {
  it('reads URL, title and structure hints for a shop', () => {
    const facts = factsOf(
      '<html><head><title>某某旗舰店-天猫</title></head><body><a href="/s">进入店铺</a><span>收藏店铺</span></body></html>',
      'https://mall.example.cn/shop/view_shop.htm',
    );
    expect(facts.signals.shopHints).toEqual(expect.arrayContaining(['url:shop', 'title:旗舰店', 'text:收藏店铺']));
    expect(facts.signals.path).toBe('/shop/view_shop.htm');
  });

  it('reads product, terms and home hints', () => {
    const product = factsOf('<p>加入购物车</p><p>规格参数</p>', 'https://item.example.cn/1309403.html');
    expect(product.signals.productHints).toEqual(expect.arrayContaining(['url:item', 'text:加入购物车']));
    const terms = factsOf('<html><head><title>用户服务协议</title></head><body><p>第一条 本协议</p></body></html>', 'https://a.cn/agreement.html');
    expect(terms.signals.termsHints).toEqual(expect.arrayContaining(['url:agreement', 'title:协议', 'text:本协议']));
    const home = factsOf('<html><head><title>某某网上商城</title></head><body><p>全部商品分类</p></body></html>', 'https://www.a.cn/');
    expect(home.signals.homeHints).toEqual(expect.arrayContaining(['url:/', 'title:网上商城', 'text:全部商品分类']));
    expect(home.signals.linkCount).toBe(0);
    expect(home.signals.textLength).toBeGreaterThan(0);
  });
});
