import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyPage, classifyPageType, modelFeatures } from '@/rules/page-type';
import { PAGE_TYPE_MODEL } from '@/rules/page-type-model';
import type { Facts, PageFeatures } from '@/rules/types';
import { factsWith, icpFact, noFacts } from './facts';
import { factsOf } from '../gather/support/dom';

/** Facts whose page showed these features (see rules/detectors/page-features.ts); everything else absent. */
function page(features: PageFeatures, patch: Partial<Facts> = {}) {
  return factsWith({ signals: { ...noFacts().signals, features }, ...patch });
}

/** What a marketplace's home page shows: categories, deals, a grid of items from many shops, seller sign-up. */
const MARKETPLACE: PageFeatures = {
  prices: 40, priceLines: 30, sold: 20, shopLinks: 12, sellerSignup: 2, accountMenu: 4, categoryMenu: 2, deals: 3,
  commerceKinds: 6, homeTitle: 1, titleParts: 1, textLength: 6000, webPage: 1, urlRoot: 1,
};

describe('classifyPageType', () => {
  it('finds a marketplace home page from its grid of many shops and its seller sign-up, with confidence', () => {
    const result = classifyPageType(page(MARKETPLACE));
    expect(result).toMatchObject({ type: 'platform-home', uncertain: false });
    expect(result.confidence).toBeGreaterThan(0.9);
    expect(result.candidates.map((c) => c.type)).toHaveLength(5);
    expect(result.features.map((f) => f.feature)).toEqual(expect.arrayContaining(['deals', 'shopLinks']));
  });

  it('finds the same marketplace home page saved to a file, without any URL', () => {
    expect(classifyPage(page({ ...MARKETPLACE, webPage: 0, urlRoot: 0 }))).toBe('platform-home');
  });

  it("takes a brand's own store (官网, cart and orders, nobody else selling) for a shop", () => {
    const store = { prices: 6, priceLines: 6, accountMenu: 3, commerceKinds: 3, singleSeller: 1, homeTitle: 1, ownStoreTitle: 1, titleParts: 2, textLength: 1500 };
    expect(classifyPage(page(store))).toBe('shop');
    expect(classifyPage(page({ ...store, singleSeller: 0, ownStoreTitle: 0, sellerSignup: 2, shopLinks: 8, deals: 3 }))).toBe('platform-home');
  });

  it('finds a product page: buy buttons, quantity and specification words, an item title', () => {
    const item = { prices: 3, priceLines: 3, addToCart: 1, buyNow: 1, skuWords: 6, shopWords: 2, productTitle: 1, accountMenu: 3, commerceKinds: 3, titleParts: 2, textLength: 5000 };
    expect(classifyPage(page(item))).toBe('product');
  });

  it('does not take a listing with a cart button on every tile for a product page', () => {
    const listing = { prices: 40, priceLines: 40, addToCart: 40, accountMenu: 3, commerceKinds: 4, channelTitle: 1, titleParts: 3, textLength: 8000 };
    expect(classifyPage(page(listing))).toBe('other');
  });

  it('finds a terms page from numbered clauses under an agreement title', () => {
    const terms = { clauses: 20, termsSelfReference: 10, sections: 8, termsTitle: 1, proseLines: 30, textLength: 20000, accountMenu: 2 };
    expect(classifyPage(page(terms))).toBe('terms');
  });

  it('counts URL features only for web pages: a saved file\'s folder names are not the page', () => {
    const onlyUrl = { urlProduct: 1, urlShop: 1, textLength: 800 };
    expect(classifyPage(page({ ...onlyUrl, webPage: 0 }))).toBe('other');
  });

  it('calls a news article with the site header other', () => {
    expect(classifyPage(page({ editorial: 5, proseLines: 12, accountMenu: 2, titleParts: 2, textLength: 6000 }))).toBe('other');
  });

  it('calls facts stored before the model (no features) other', () => {
    expect(classifyPageType(page(undefined as unknown as PageFeatures))).toMatchObject({ type: 'other' });
  });

  it('is uncertain about a script-built shell that shows almost nothing, naming the likeliest types', () => {
    const result = classifyPageType(page({ homeTitle: 1, platformTitle: 1, titleParts: 1, textLength: 18 }));
    expect(result.uncertain).toBe(true);
    expect(result.type).not.toBe('other');
    expect(result.candidates[0].type).toBe(result.type);
    expect(result.candidates[0].probability).toBeGreaterThanOrEqual(result.candidates[1].probability);
  });

  it("counts the site's own visible disclosures as a feature", () => {
    const facts = page({ textLength: 500 }, { icp: [icpFact('京ICP备11041704号-1')] });
    expect(modelFeatures(facts).siteDisclosures).toBe(1);
    expect(modelFeatures(page({ textLength: 500 }, { icp: [icpFact('京ICP备11041704号-1', { visible: false })] })).siteDisclosures).toBe(0);
  });

  it('reads only features the gatherer produces, each weighted once per entry', () => {
    const produced = Object.keys(factsOf('<p>x</p>').signals.features!);
    for (const entry of PAGE_TYPE_MODEL.features) expect([...produced, 'siteDisclosures'], entry.feature).toContain(entry.feature);
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
