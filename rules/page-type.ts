import type { Facts, PageSignals, PageType } from './types';

type Candidate = Exclude<PageType, 'other'>;

/**
 * How much each kind of hint counts. The gatherer prefixes every hint with its source (`url:`, `title:`, `text:`).
 * A URL or title hint counts once (one is as telling as three); text hints count each, up to `maxTextHints`, since
 * site-wide headers put a few of them on every page.
 */
const WEIGHTS = {
  url: 3,
  title: 2,
  /** A shop's name (…旗舰店, …专卖店) in the title is as telling as a URL. */
  shopTitle: 3,
  text: 1,
  maxTextHints: 3,
  /** Below this, the page is 'other'. */
  threshold: 2,
} as const;

/**
 * Words that only shopping sites use. A site's root URL, a login link or a 频道 menu are on every portal, so a page
 * is a platform home page only if something also says it sells: otherwise a news site's home page would be judged
 * as a marketplace.
 */
const COMMERCE_WORDS =
  /购物车|我的订单|商品|店铺|商城|购物|网购|电商|加入购物车|立即购买|价格|报价|shopping|cart|store|shop|marketplace|my orders|sell on /i;

/**
 * Where sellers sign up or manage their shops: only a marketplace of many sellers shows these. A home page with none
 * of them and no title calling it a home page or mall is a single seller's own store, judged as a shop.
 */
const PLATFORM_WORDS =
  /商家入驻|卖家中心|商家中心|免费开店|我要开店|招商|开放平台|店铺街|sell on |become a (seller|supplier)|seller (center|centre|central)|supplier (center|centre)|start selling/i;

/** Ties go to the narrower type: a terms page also has the site header, a product page also names its shop. */
const PRECEDENCE: readonly Candidate[] = ['terms', 'product', 'shop', 'platform-home'];

function hintsFor(signals: PageSignals, type: Candidate): string[] {
  switch (type) {
    case 'terms':
      return signals.termsHints ?? [];
    case 'product':
      return signals.productHints ?? [];
    case 'shop':
      return signals.shopHints ?? [];
    case 'platform-home':
      return signals.homeHints ?? [];
  }
}

/** A saved file's path says where it is stored, not what the page is: URL hints count only for web pages. */
function isWebPage(signals: PageSignals): boolean {
  return Boolean(signals.hostname);
}

function sourceOf(hint: string): 'url' | 'title' | 'text' {
  if (hint.startsWith('url:')) return 'url';
  if (hint.startsWith('title:')) return 'title';
  return 'text';
}

/** Title separators: `商品名 - 小米商城`, `首页-三只松鼠旗舰店-天猫`, `X_网上商城`, `X | Store`. */
const TITLE_SEPARATOR = /\s*[-_|–—]+\s*/;
const HOME_TITLE = /首页|官网|官方网站|网上商城|购物网站|网购|商城|online shopping|home|marketplace/i;

/**
 * Most titles end with the site's name ("小米手机14 - 小米商城"): home words there name the site, not the page.
 * A title speaks for a home page when its first part has them, or when it says 首页 / home page anywhere.
 */
function titleSaysHome(signals: PageSignals): boolean {
  const title = signals.titleHints?.[0] ?? '';
  return HOME_TITLE.test(title.split(TITLE_SEPARATOR)[0] ?? '') || /首页|home ?page/i.test(title);
}

/**
 * A title that brackets a product name (`【三只松鼠每日坚果750g】三只松鼠旗舰店-天猫`) is an item page's: the shop name
 * after it says whose item it is, so it counts no more than any title hint.
 */
function titleNamesProduct(signals: PageSignals): boolean {
  return (signals.productHints ?? []).some((hint) => hint.startsWith('title:【'));
}

function sellsThings(signals: PageSignals): boolean {
  const all = [...(signals.titleHints ?? []), ...PRECEDENCE.flatMap((type) => hintsFor(signals, type))];
  return all.some((hint) => COMMERCE_WORDS.test(hint));
}

export function scoreFor(signals: PageSignals, type: Candidate): number {
  if (type === 'platform-home' && !sellsThings(signals)) return 0;
  // A deep page of a web site (a help article) shows the site's header too; only its title could make it a home page.
  if (type === 'platform-home' && isWebPage(signals) && !isTopLevel(signals) && !titleSaysHome(signals)) return 0;
  const hints = hintsFor(signals, type);
  const sources = hints.map(sourceOf);
  let score = Math.min(sources.filter((source) => source === 'text').length, WEIGHTS.maxTextHints) * WEIGHTS.text;
  if (isWebPage(signals) && sources.includes('url')) score += WEIGHTS.url;
  if (sources.includes('title') && (type !== 'platform-home' || titleSaysHome(signals))) {
    score += type === 'shop' && !titleNamesProduct(signals) ? WEIGHTS.shopTitle : WEIGHTS.title;
  }
  return score;
}

function isSingleSellerStore(signals: PageSignals): boolean {
  const saysPlatform = (signals.homeHints ?? []).some((hint) => PLATFORM_WORDS.test(hint));
  return !saysPlatform && !titleSaysHome(signals);
}

/** The platform's own disclosures (ICP, public-security filing, licence) mark a site's main pages. */
function hasSiteDisclosures(facts: Facts): boolean {
  return [facts.icp, facts.psb, facts.businessLicence].some((found) => (found?.length ?? 0) > 0);
}

function isTopLevel(signals: PageSignals): boolean {
  return isWebPage(signals) && (signals.path ?? '').split('/').filter(Boolean).length <= 1;
}

/**
 * Classifies a page from the gatherer's signals (URL, title and structure words), weighted in WEIGHTS; the best
 * score wins, ties by PRECEDENCE. Below the threshold the page is 'other' (nothing applies), except that a
 * top-level page of a shopping site carrying the site's own disclosures is taken as its home page. Facts stored by an
 * older version may lack signals: such a page is 'other' until a person says what it is.
 */
export function classifyPage(facts: Facts): PageType {
  const signals = facts.signals;
  if (!signals) return 'other';
  let best: Candidate | null = null;
  let bestScore = 0;
  for (const type of PRECEDENCE) {
    const score = scoreFor(signals, type);
    if (score > bestScore) {
      best = type;
      bestScore = score;
    }
  }
  if (best === 'platform-home' && bestScore >= WEIGHTS.threshold && isSingleSellerStore(signals)) return 'shop';
  if (best && bestScore >= WEIGHTS.threshold) return best;
  if (isTopLevel(signals) && hasSiteDisclosures(facts) && sellsThings(signals)) return 'platform-home';
  return 'other';
}
