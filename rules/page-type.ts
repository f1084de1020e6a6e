import type { Facts, PageSignals, PageType } from './types';

type Candidate = Exclude<PageType, 'other'>;

/** Where each kind of page usually lives. Only http(s) URLs are read: a saved file's path says nothing. */
const PATH_PATTERNS: Record<Candidate, RegExp> = {
  terms:
    /(agreement|terms|protocol|privacy|policy|policies|legal|rules?|xieyi|tiaokuan|yinsi|guize|statement|notice)([/._-]|$)/i,
  product: /(\/(item|items|product|products|goods|detail|sku|p|dp)\/)|item\.html?|\/\d{5,}\.html?$|[?&](id|item_?id|sku(_?id)?|goods_?id|product_?id|pid)=\d/i,
  shop: /\/(shop|store|stores|stall|seller|dianpu)(\/|\.|$)|[?&](shop_?id|store_?id|seller_?id)=/i,
  'platform-home': /^\/?(index|home|default|main)?(\.(html?|php|jsp|aspx?|shtml))?$/i,
};

const HOST_PATTERNS: Partial<Record<Candidate, RegExp>> = {
  product: /^(item|detail|product|goods)\./i,
  shop: /^(shop\d*|store|mall\d*)\./i,
};

/** Words in the title (or the title hints the gatherer kept) that say what the page is. */
const TITLE_PATTERNS: Record<Candidate, RegExp> = {
  terms: /协议|条款|规则|政策|声明|须知|隐私|agreement|terms|policy|privacy|rules/i,
  product: /报价|价格|参数|评测|图片|【[^】]*】.*[-_|]|price|specs?/i,
  shop: /旗舰店|专卖店|专营店|店铺|小店|官方店|企业店|\bshop\b|\bstore\b/i,
  'platform-home': /首页|商城|网上购物|购物网站|网购|官网|官方网站|online shopping|marketplace|home/i,
};

const WEIGHTS = { path: 3, host: 2, title: 2, hint: 1, maxHints: 3, threshold: 2 } as const;

/** Ties go to the narrower type: a terms page also has a footer, a product page also names its shop. */
const PRECEDENCE: readonly Candidate[] = ['terms', 'product', 'shop', 'platform-home'];

function isWebUrl(signals: PageSignals): boolean {
  return signals.hostname !== '';
}

function hintsFor(signals: PageSignals, type: Candidate): string[] {
  switch (type) {
    case 'terms':
      return signals.termsHints;
    case 'product':
      return signals.productHints;
    case 'shop':
      return signals.shopHints;
    case 'platform-home':
      return signals.homeHints;
  }
}

function scoreFor(signals: PageSignals, type: Candidate): number {
  let score = Math.min(hintsFor(signals, type).length, WEIGHTS.maxHints) * WEIGHTS.hint;
  if (isWebUrl(signals)) {
    if (PATH_PATTERNS[type].test(signals.path)) score += WEIGHTS.path;
    if (HOST_PATTERNS[type]?.test(signals.hostname)) score += WEIGHTS.host;
  }
  if (signals.titleHints.some((hint) => TITLE_PATTERNS[type].test(hint))) score += WEIGHTS.title;
  return score;
}

/** The platform's own disclosures (ICP, public-security filing, licence) mark a site's main pages. */
function hasSiteDisclosures(facts: Facts): boolean {
  return facts.icp.length > 0 || facts.psb.length > 0 || facts.businessLicence.length > 0;
}

/**
 * Classifies a page from the gatherer's signals: URL path and host, title words and the structural hints, each
 * weighted in WEIGHTS. Below the threshold the page is 'other' (nothing applies), except that a site's top-level
 * page carrying its own disclosures is taken as its home page.
 */
export function classifyPage(facts: Facts): PageType {
  const { signals } = facts;
  let best: Candidate | null = null;
  let bestScore = 0;
  for (const type of PRECEDENCE) {
    const score = scoreFor(signals, type);
    if (score > bestScore) {
      best = type;
      bestScore = score;
    }
  }
  if (best && bestScore >= WEIGHTS.threshold) return best;
  const topLevel = isWebUrl(signals) && signals.path.split('/').filter(Boolean).length <= 1;
  if (topLevel && hasSiteDisclosures(facts)) return 'platform-home';
  return 'other';
}
