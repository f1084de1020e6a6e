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
  bias: { 'platform-home': -2.12, shop: -2.33, product: -2.68, terms: -1.74, other: 0.88 } satisfies Record<PageType, number>,
  temperature: 1,
  minConfidence: 0.45,
  minMargin: 0.1,
  /** A page with less text than this (a script-built page's empty shell) placed anywhere but 'other' is uncertain. */
  minTextLength: 30,
  /** …unless its head (title, meta description and keywords) names at least this many commerce words: read from the head. */
  headCommerceForShell: 3,
  /** How many of the deciding features an audit keeps, strongest first. */
  keptFeatures: 8,
  features: [
    // Product: one item, bought here.
    { feature: 'addToCart', cap: 1, weights: { 'platform-home': -0.99, shop: -0.45, product: 2.06, other: 0.39 } },
    { feature: 'addToCart', from: 4, cap: 12, weights: { 'platform-home': -0.51, product: -3.02, other: 2.04 } },
    { feature: 'buyNow', cap: 1, weights: { shop: -0.14, product: 1.48, other: -0.27 } },
    { feature: 'buyNow', from: 4, cap: 12, weights: { product: -2, other: 0.99 } },
    { feature: 'skuWords', from: 1, cap: 6, weights: { 'platform-home': -0.12, shop: -0.26, product: 4.43, terms: 0.14, other: -0.19 } },
    { feature: 'productTitle', cap: 1, weights: { 'platform-home': 0.47, shop: -0.79, product: 1.5, terms: 0.46, other: -0.14 } },
    { feature: 'urlProduct', cap: 1, weights: { shop: -0.47, product: 3.11, terms: -0.24, other: -0.37 }, webOnly: true },
    { feature: 'prices', cap: 3, weights: { 'platform-home': 0.66, shop: 0.19, product: 1.47, terms: -0.35, other: -0.48 } },
    // Grids of products: a home page, a shop or a listing, not an item.
    { feature: 'priceLines', from: 8, cap: 30, weights: { 'platform-home': 0.77, product: -0.89, terms: -0.27, other: 2.09 } },
    // Shop: one seller's storefront.
    { feature: 'shopWords', cap: 3, weights: { 'platform-home': -1, shop: 3.59, product: 1.16, terms: 0.12, other: 0.3 } },
    { feature: 'shopNameInTitle', cap: 1, weights: { 'platform-home': -0.87, shop: 3.18, product: 0.36, other: 0.37 } },
    { feature: 'ownStoreTitle', cap: 1, weights: { 'platform-home': -0.72, shop: 3.34, product: -0.08, other: -0.52 } },
    { feature: 'urlShop', cap: 1, weights: { 'platform-home': -0.53, shop: 2.12, product: 0.44 }, webOnly: true },
    // Marketplace: many sellers.
    { feature: 'shopLinks', from: 2, cap: 10, weights: { 'platform-home': 1.77, shop: -1.49, other: -0.24 } },
    { feature: 'sellerSignup', cap: 2, weights: { 'platform-home': 1.9, shop: -0.77, product: 0.07, terms: 0.16, other: 0.13 } },
    { feature: 'categoryMenu', cap: 2, weights: { 'platform-home': 0.89, shop: 0.84, product: 0.07, terms: -0.06, other: 0.26 } },
    { feature: 'deals', cap: 3, weights: { 'platform-home': 2.86, other: -0.45 } },
    { feature: 'accountMenu', cap: 4, weights: { 'platform-home': 1.25, shop: 2.72, product: 0.53, terms: -0.35, other: -0.66 } },
    { feature: 'homeTitle', cap: 1, weights: { 'platform-home': 3.12, shop: 1.01, product: -0.08, terms: -0.14, other: -0.91 } },
    { feature: 'platformTitle', cap: 1, weights: { 'platform-home': 2.74, shop: -0.19, product: -0.15, terms: -0.13, other: -0.27 } },
    { feature: 'shopHomeTitle', cap: 1, weights: { 'platform-home': -2, shop: 3.02 } },
    { feature: 'headCommerce', cap: 3, weights: { 'platform-home': 0.6, shop: 0.3 } },
    { feature: 'urlRoot', cap: 1, weights: { 'platform-home': 2.48, shop: 0.39, product: -1.06, terms: -1.06, other: -0.25 }, webOnly: true },
    { feature: 'siteDisclosures', cap: 2, weights: { 'platform-home': 0.29, shop: 0.34, product: -0.49, terms: -0.54, other: 1 } },
    { feature: 'sold', from: 2, cap: 10, weights: { shop: 0.76, product: -0.54, other: 1.95 } },
    { feature: 'commerceKinds', from: 1, cap: 4, weights: { 'platform-home': 1.08, shop: 1.07, product: 1.35, terms: -0.28 } },
    { feature: 'singleSeller', cap: 1, weights: { 'platform-home': -1.35, shop: 2.22, terms: -0.14, other: -0.26 } },
    { feature: 'guide', cap: 2, weights: { 'platform-home': 0.2, shop: -0.73, other: 2.55 } },
    { feature: 'titleParts', from: 1, cap: 3, weights: { 'platform-home': -1.31, product: 0.85, other: 1 } },
    // Terms: numbered clauses of a long text under an agreement's, a policy's or rules' title.
    { feature: 'clauses', from: 2, cap: 10, weights: { 'platform-home': 0.29, shop: -0.21, product: 0.51, terms: 2.69, other: -0.28 } },
    { feature: 'termsSelfReference', cap: 4, weights: { product: -0.06, terms: 2.96, other: -0.88 } },
    { feature: 'sections', from: 1, cap: 6, weights: { terms: 1.51 } },
    { feature: 'proseLines', from: 2, cap: 20, weights: { 'platform-home': -1.27, shop: -1.63, product: 0.74, terms: 1.94, other: 1.22 } },
    { feature: 'termsTitle', cap: 1, weights: { 'platform-home': -0.32, shop: -0.05, product: -0.16, terms: 3.8, other: -0.78 } },
    { feature: 'urlTerms', cap: 1, weights: { terms: 1.5 }, webOnly: true },
    { feature: 'textLength', from: 3000, cap: 15000, weights: { 'platform-home': 0.17, shop: -0.31, product: 0.5, terms: 0.83, other: -0.19 } },
    // Everything else: what a site publishes, helps with or lists.
    { feature: 'untitled', cap: 1, weights: { 'platform-home': -0.5, shop: -0.5, product: -0.3, other: 0.8 } },
    { feature: 'editorial', from: 1, cap: 5, weights: { 'platform-home': 0.14, shop: 0.36, terms: 0.16, other: 2.38 } },
    { feature: 'helpTitle', cap: 1, weights: { 'platform-home': -0.08, shop: 0.15, product: -0.09, other: 2.52 } },
    { feature: 'channelTitle', cap: 1, weights: { 'platform-home': -0.28, shop: -0.62, other: 2.91 } },
    { feature: 'notFound', cap: 1, weights: { 'platform-home': 0.96, shop: -0.65, product: -0.05, other: 2.76 } },
    { feature: 'urlListing', cap: 1, weights: { 'platform-home': -0.05, shop: -0.23, product: -0.24, other: 2.03 }, webOnly: true },
    { feature: 'urlHelp', cap: 1, weights: { 'platform-home': -0.25, other: 1.79 }, webOnly: true },
    { feature: 'urlDepth', from: 1, cap: 4, weights: { 'platform-home': -2.11, shop: -0.3, product: 0.34, terms: -0.17, other: 0.23 }, webOnly: true },
  ] satisfies FeatureWeight[] as readonly FeatureWeight[],
} as const;
