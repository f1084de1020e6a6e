import { describe, expect, it } from 'vitest';
import { factsOf } from '../gather/support/dom';

describe('page signals', () => {
  it('reads the address, and counts what a shop page shows', () => {
    const facts = factsOf(
      '<html><head><title>某某旗舰店-天猫</title></head><body><a href="/s">进入店铺</a><span>收藏店铺</span></body></html>',
      'https://mall.example.cn/shop/view_shop.htm',
    );
    expect(facts.signals.path).toBe('/shop/view_shop.htm');
    expect(facts.signals.hostname).toBe('mall.example.cn');
    expect(facts.signals.features).toMatchObject({ shopNameInTitle: 1, shopWords: 2, urlShop: 1 });
  });

  it('counts what product, terms and home pages show', () => {
    const product = factsOf('<p>加入购物车</p><p>规格参数</p>', 'https://item.example.cn/1309403.html');
    expect(product.signals.features).toMatchObject({ addToCart: 1, skuWords: 1 });
    const terms = factsOf('<html><head><title>用户服务协议</title></head><body><p>第一条 本协议</p></body></html>', 'https://a.cn/agreement.html');
    expect(terms.signals.features).toMatchObject({ clauses: 1, termsSelfReference: 1, termsTitle: 1, urlTerms: 1 });
    const home = factsOf('<html><head><title>某某网上商城</title></head><body><p>全部商品分类</p></body></html>', 'https://www.a.cn/');
    expect(home.signals.features).toMatchObject({ categoryMenu: 1, homeTitle: 1, urlRoot: 1 });
    expect(home.signals.linkCount).toBe(0);
    expect(home.signals.textLength).toBeGreaterThan(0);
  });

  it('keeps no hint-word lists, which nothing reads', () => {
    const facts = factsOf('<p>收藏店铺</p>', 'https://shop.example.cn/');
    expect(Object.keys(facts.signals).sort()).toEqual(['features', 'hostname', 'linkCount', 'path', 'textLength']);
  });
});
