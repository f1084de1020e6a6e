/**
 * Page signals for the page-type classifier: words from the title, URL and page text that suggest a shop,
 * product, terms or home page. Each hint names its source (`url:`, `title:`, `text:`) so a person can see why.
 */
import type { PageSignals } from '../types';
import { matchText, type PageView } from '../gather/page';
import { urlParts } from '../gather/url';
import { detectPageFeatures, readPageLines } from './page-features';
import { runSteps, type Steps } from '../../utils/yield';

/** English structure words count as a menu or button writes them, in title case: prose ("put the cart before the horse") does not. */
interface HintSet {
  url: RegExp;
  title: RegExp;
  text: RegExp;
}

const SHOP: HintSet = {
  url: /(^|[./_-])(shop|store|dianpu|seller)s?([./_?-]|\d|$)/gi,
  title: /旗舰店|专营店|专卖店|官方店|店铺|小店|工作室|(Official|Flagship|Brand)\s+Store/gi,
  text: /进入店铺|收藏店铺|店铺首页|店铺动态|店铺评分|店铺信息|掌柜|卖家信用|关注店铺|联系卖家|店铺公告|所有宝贝|全部宝贝|宝贝分类|店铺地址|开店时间|Visit Store|Follow (the )?Store|Store Home|Contact (the )?(Seller|Supplier)|Store Rating|Seller Rating|All Products|Store Categories/g,
};

const PRODUCT: HintSet = {
  url: /(^|[./_-])(item|items|product|products|goods|detail|sku|p)([./_?-]|\d|$)/gi,
  title: /【[^】]*】|价格|报价|图片|怎么样/g,
  text: /加入购物车|立即购买|商品详情|规格参数|累计评价|商品评价|库存|配送至|售后保障|(Add|ADD) (to|To|TO) (Cart|CART|Bag|Basket)|(Buy|BUY) (It |it )?(Now|NOW)|Product Details|Specifications|Min\.? Order|In Stock/g,
};

const TERMS: HintSet = {
  url: /agreement|terms|privacy|policy|rules?\b|protocol|legal|xieyi|tiaokuan|guize|zhengce/gi,
  title: /协议|条款|隐私|政策|规则|声明|须知|Terms|Conditions|Privacy|Agreement|Policy|Rules/gi,
  text: /本协议|本条款|本规则|本政策|第[一二三四五六七八九十]+条|请您仔细阅读|甲方|乙方|\bthis Agreement\b|\bthese Terms\b|\bthis (Privacy )?Policy\b|please read [^.\n]{0,40}carefully/gi,
};

const HOME: HintSet = {
  url: /^\/(index\.(html?|php|jsp|aspx?))?$/gi,
  title: /首页|官网|官方网站|网上商城|购物网站|网购|商城|Online Shopping|Home|Marketplace/gi,
  text: /全部商品分类|全部分类|频道|我的订单|购物车|免费注册|请登录|热门搜索|\b(Sign [Ii]n|Join Free|Register|My Orders|(Shopping )?Cart|All Categories|Today's Deals)\b/g,
};

/** Words only a marketplace of many sellers shows: where sellers sign up or manage their shops. */
const PLATFORM_TEXT =
  /商家入驻|卖家中心|商家中心|免费开店|我要开店|合作招商|招商|开放平台|店铺街|\b(Sell on [A-Z][\w.]*|Become a (Seller|Supplier)|Seller (Center|Centre|Central)|Supplier (Center|Centre)|Start Selling)\b/g;

/** Distinct matches of a pattern, at most `limit`, each prefixed with its source. */
function hints(source: string, value: string, pattern: RegExp, limit = 8): string[] {
  const found = new Set<string>();
  for (const match of value.matchAll(pattern)) {
    const word = match[0].replace(/^[./_-]|[./_?-]$|\d+$/g, '').toLowerCase();
    found.add(`${source}:${word || match[0]}`);
    if (found.size >= limit) break;
  }
  return [...found];
}

function collect(set: HintSet, path: string, hostname: string, title: string, text: string): string[] {
  return [
    ...hints('url', hostname + path, set.url),
    ...hints('title', title, set.title),
    ...hints('text', text, set.text),
  ];
}

/** The classifier only needs the start of a huge page's text to read its structure words. */
const TEXT_SAMPLE = 200_000;

export function detectSignals(page: PageView): PageSignals {
  return runSteps(signalSteps(page));
}

/** detectSignals in steps: the page's lines, its hint words and its features are each a pass over its text. */
export function* signalSteps(page: PageView): Steps<PageSignals> {
  const { path, hostname } = urlParts(page.url);
  const folded = matchText(page);
  const text = folded.length > TEXT_SAMPLE ? folded.slice(0, TEXT_SAMPLE) : folded;
  // The page's short lines and short link texts: where a site's menus are. Home and platform words count only there,
  // so a news site whose headlines say 购物车 or 商家入驻 is not taken for a marketplace.
  const lines = readPageLines(text, page.links);
  yield;
  const menus = lines.menus;
  const home = [...hints('url', path, HOME.url), ...hints('title', page.title, HOME.title), ...hints('text', menus, HOME.text), ...hints('text', menus, PLATFORM_TEXT)];
  const shopHints = collect(SHOP, path, hostname, page.title, text);
  const productHints = collect(PRODUCT, path, hostname, page.title, text);
  const termsHints = collect(TERMS, path, hostname, page.title, text);
  yield;
  return {
    path,
    hostname,
    titleHints: page.title ? [page.title.slice(0, 120)] : [],
    shopHints,
    productHints,
    termsHints,
    homeHints: home,
    textLength: page.text.length,
    linkCount: page.links.length,
    features: detectPageFeatures(page, text, lines),
  };
}
