import type { PageType } from './types';

/**
 * The page-type model's weights: the one place they live (documented in README "Page types").
 * Each entry reads one feature of `facts.signals.features` (rules/detectors/page-features.ts) and adds, for each
 * page type it names, weight × how far the feature's value has climbed from `from` to `cap` (0 at or below `from`,
 * 1 at or above `cap`). A type's score is `bias` plus those points; the scores go through a softmax (`temperature`)
 * into probabilities, and the most probable type wins. Below `minConfidence`, or within `minMargin` of the runner-up,
 * or with too little text to read, the page type is uncertain and the audit asks a person.
 */
export interface FeatureWeight {
  feature: string;
  /** Value at which the feature starts to count (exclusive). */
  from?: number;
  /** Value at which it counts fully. */
  cap: number;
  weights: Partial<Record<PageType, number>>;
  /** Counts only on a web page (http, https): a saved file's folder names are not the page. */
  webOnly?: boolean;
}

export const PAGE_TYPE_MODEL = {
  /** Where each type starts: a page that shows nothing is 'other'. */
  bias: { 'platform-home': -2.21, shop: -2.3, product: -2.67, terms: -1.74, other: 0.91 } satisfies Record<PageType, number>,
  temperature: 1,
  minConfidence: 0.45,
  minMargin: 0.1,
  /** A page with less text than this (a script-built page's empty shell) placed anywhere but 'other' is uncertain. */
  minTextLength: 200,
  /** How many of the deciding features an audit keeps, strongest first. */
  keptFeatures: 8,
  features: [
    // Product: one item, bought here.
    { feature: 'addToCart', cap: 1, weights: { 'platform-home': -0.92, shop: -0.41, product: 2, other: 0.34 } },
    { feature: 'addToCart', from: 4, cap: 12, weights: { 'platform-home': -0.58, product: -3.02, other: 2.11 } },
    { feature: 'buyNow', cap: 1, weights: { 'platform-home': -0.09, shop: -0.13, product: 1.52, other: -0.28 } },
    { feature: 'buyNow', from: 4, cap: 12, weights: { product: -2, other: 0.99 } },
    { feature: 'skuWords', from: 1, cap: 6, weights: { 'platform-home': -0.14, shop: -0.23, product: 4.41, terms: 0.14, other: -0.18 } },
    { feature: 'productTitle', cap: 1, weights: { 'platform-home': 0.42, shop: -0.76, product: 1.51, terms: 0.46, other: -0.13 } },
    { feature: 'urlProduct', cap: 1, weights: { 'platform-home': -0.05, shop: -0.42, product: 3.08, terms: -0.26, other: -0.35 }, webOnly: true },
    { feature: 'prices', cap: 3, weights: { 'platform-home': 0.84, shop: 0.06, product: 1.42, terms: -0.37, other: -0.45 } },
    // Grids of products: a home page, a shop or a listing, not an item.
    { feature: 'priceLines', from: 8, cap: 30, weights: { 'platform-home': 0.78, product: -0.87, terms: -0.29, other: 2.02 } },
    // Shop: one seller's storefront.
    { feature: 'shopWords', cap: 3, weights: { 'platform-home': -1, shop: 3.39, product: 1.14, terms: 0.11, other: 0.32 } },
    { feature: 'shopNameInTitle', cap: 1, weights: { 'platform-home': -0.63, shop: 3.06, product: 0.29, other: 0.31 } },
    { feature: 'ownStoreTitle', cap: 1, weights: { 'platform-home': -0.86, shop: 3.46, product: -0.07, other: -0.52 } },
    { feature: 'urlShop', cap: 1, weights: { shop: 1.66, product: 0.39 }, webOnly: true },
    // Marketplace: many sellers.
    { feature: 'shopLinks', from: 2, cap: 10, weights: { 'platform-home': 2.3, shop: -2.01, other: -0.24 } },
    { feature: 'sellerSignup', cap: 2, weights: { 'platform-home': 2.07, shop: -0.88, terms: 0.15, other: 0.13 } },
    { feature: 'categoryMenu', cap: 2, weights: { 'platform-home': 1.02, shop: 0.84, terms: -0.06, other: 0.19 } },
    { feature: 'deals', cap: 3, weights: { 'platform-home': 2.93, product: -0.09, other: -0.54 } },
    { feature: 'accountMenu', cap: 4, weights: { 'platform-home': 1.23, shop: 2.82, product: 0.51, terms: -0.35, other: -0.7 } },
    { feature: 'homeTitle', cap: 1, weights: { 'platform-home': 3.09, shop: 1.09, product: -0.08, terms: -0.15, other: -0.96 } },
    { feature: 'platformTitle', cap: 1, weights: { 'platform-home': 2.78, shop: -0.28, product: -0.13, terms: -0.12, other: -0.24 } },
    { feature: 'shopHomeTitle', cap: 1, weights: { 'platform-home': -2, shop: 3.02 } },
    { feature: 'urlRoot', cap: 1, weights: { 'platform-home': 2.56, shop: 0.17, product: -1.04, terms: -1.05, other: -0.14 }, webOnly: true },
    { feature: 'siteDisclosures', cap: 2, weights: { 'platform-home': 0.38, shop: 0.26, product: -0.46, terms: -0.53, other: 1 } },
    { feature: 'sold', from: 2, cap: 10, weights: { 'platform-home': 0.05, shop: 0.7, product: -0.56, other: 1.84 } },
    { feature: 'commerceKinds', from: 1, cap: 4, weights: { 'platform-home': 0.98, shop: 1.05, product: 1.31, terms: -0.29 } },
    { feature: 'singleSeller', cap: 1, weights: { 'platform-home': -1.45, shop: 2.28, terms: -0.13, other: -0.23 } },
    { feature: 'guide', cap: 2, weights: { 'platform-home': 0.18, shop: -0.71, other: 2.55 } },
    { feature: 'titleParts', from: 1, cap: 3, weights: { 'platform-home': -1.43, product: 0.81, other: 1 } },
    // Terms: numbered clauses of a long text under an agreement's, a policy's or rules' title.
    { feature: 'clauses', from: 2, cap: 10, weights: { 'platform-home': 0.17, shop: -0.17, product: 0.56, terms: 2.69, other: -0.25 } },
    { feature: 'termsSelfReference', cap: 4, weights: { product: -0.06, terms: 2.97, other: -0.88 } },
    { feature: 'sections', from: 1, cap: 6, weights: { terms: 1.51 } },
    { feature: 'proseLines', from: 2, cap: 20, weights: { 'platform-home': -1.18, shop: -1.63, product: 0.74, terms: 1.92, other: 1.15 } },
    { feature: 'termsTitle', cap: 1, weights: { 'platform-home': -0.33, shop: -0.05, product: -0.15, terms: 3.81, other: -0.78 } },
    { feature: 'urlTerms', cap: 1, weights: { terms: 1.5 }, webOnly: true },
    { feature: 'textLength', from: 3000, cap: 15000, weights: { 'platform-home': 0.43, shop: -0.31, product: 0.43, terms: 0.81, other: -0.36 } },
    // Everything else: what a site publishes, helps with or lists.
    { feature: 'editorial', from: 1, cap: 5, weights: { 'platform-home': 0.16, shop: 0.32, terms: 0.16, other: 2.41 } },
    { feature: 'helpTitle', cap: 1, weights: { 'platform-home': -0.08, shop: 0.15, product: -0.08, other: 2.52 } },
    { feature: 'channelTitle', cap: 1, weights: { 'platform-home': -0.27, shop: -0.56, other: 2.85 } },
    { feature: 'notFound', cap: 1, weights: { 'platform-home': 0.92, shop: -0.58, product: -0.05, other: 2.73 } },
    { feature: 'urlListing', cap: 1, weights: { 'platform-home': -0.09, shop: -0.24, product: -0.22, other: 2.06 }, webOnly: true },
    { feature: 'urlHelp', cap: 1, weights: { 'platform-home': -0.26, other: 1.79 }, webOnly: true },
    { feature: 'urlDepth', from: 1, cap: 4, weights: { 'platform-home': -2.12, shop: -0.28, product: 0.35, terms: -0.18, other: 0.23 }, webOnly: true },
  ] satisfies FeatureWeight[] as readonly FeatureWeight[],
} as const;
