/**
 * What the page-type model reads: counts of what a page shows (prices, cart buttons, shop names, seller sign-up
 * links, numbered clauses, …), kept in `facts.signals.features` so a stored audit is re-classified without the page.
 * The weights are in `rules/page-type-model.ts`; here is only what is on the page. Every pattern is a literal
 * alternation or a bounded class run, one global pass each, so the cost is linear in the page.
 */
import type { PageFeatures } from '../types';
import type { LinkInfo, PageView } from '../gather/page';
import { foldWidth } from '../gather/text';

/** Counts are capped: a grid of 500 prices says no more than one of 40, and stored facts stay small. */
const COUNT_CAP = 60;

function count(text: string, pattern: RegExp, cap = COUNT_CAP): number {
  let found = 0;
  for (const _ of text.matchAll(pattern)) if (++found >= cap) break;
  return found;
}

/** How many different words of the pattern occur (a menu says 购物车 on every page; three kinds say more). */
function distinct(text: string, pattern: RegExp, cap = 12): number {
  const seen = new Set<string>();
  for (const match of text.matchAll(pattern)) {
    seen.add(match[0].toLowerCase());
    if (seen.size >= cap) break;
  }
  return seen.size;
}

/** A price as shops write it: ¥199, ￥ 39.90, $12.99, 199.00元. The digits are bounded runs. */
const PRICE = /[¥￥$]\s?\d{1,7}(?:\.\d{1,2})?|\d{1,7}\.\d{2}\s?元/g;
const ADD_TO_CART = /加入购物车|加入购物袋|(?:add|ADD) (?:to|To|TO) (?:cart|Cart|CART|bag|Bag|basket|Basket)/g;
const BUY_NOW = /立即购买|立即抢购|马上抢|(?:buy|Buy|BUY) (?:it |It |IT )?(?:now|Now|NOW)/g;
/** What only an item page asks the buyer to choose or read. */
const SKU_WORDS =
  /选择颜色|颜色分类|选择版本|选择尺码|选择规格|购买数量|数量|库存\d|有货|无货|配送至|送至|已选|规格参数|商品详情|商品介绍|包装清单|累计评价|商品评价|宝贝详情|售后保障|(?:Quantity|Qty|In Stock|Product Details|Specifications|Customer Reviews|Item Weight)\b/g;
/** A shop's own furniture. */
const SHOP_WORDS =
  /进入店铺|进店|收藏店铺|关注店铺|店铺首页|店铺动态|店铺评分|店铺信息|店铺公告|店内搜索|本店搜索|搜本店|掌柜|卖家信用|所有宝贝|全部宝贝|宝贝分类|店铺分类|开店时间|联系卖家|搜本店|店内搜索|本店所有商品|描述相符|服务态度|物流服务|店铺名称|(?:Visit Store|Follow Store|Store Home|Store Search|Store Categories|Store Rating|Contact Seller|Contact Supplier)\b/g;
const SHOP_NAME = /旗舰店|专卖店|专营店|官方店|自营店|企业店|集市店|品牌店|(?:Official|Flagship|Brand) Store/;
/** Where sellers sign up or manage their shops: only a marketplace of many sellers shows these. */
const SELLER_SIGNUP =
  /商家入驻|商家中心|商户中心|卖家中心|商家后台|免费开店|我要开店|招商|开放平台|供应商入驻|店铺街|我是卖家|发布询价|(?:Sell on [A-Z][\w.]{0,20}|Sell With Us|Become a (?:Seller|Supplier)|Seller (?:Center|Centre|Central)|Supplier (?:Center|Centre)|Start Selling)\b/g;
const ACCOUNT_MENU =
  /购物车|我的订单|我的账户|我的帐户|我的账号|我的帐号|我的淘宝|我的京东|个人中心|会员中心|请登录|免费注册|登录|注册|(?:My Orders|My Account|Sign [Ii]n|Join Free|Register|Cart)\b/g;
const CATEGORY_MENU = /全部商品分类|全部分类|所有分类|商品分类|所有商品|全部商品|(?:All Categories|Shop by Category)\b/g;
/** A marketplace's promotions. */
const DEALS = /秒杀|优惠券|领券|限时抢购|限时特卖|团购|拼团|特卖|聚划算|清仓|满减|包邮|(?:Today's Deals|Flash Sale|Best Sellers|Coupons?)\b/g;
/** Headings of a terms text's own clauses. */
const CLAUSE = /第[一二三四五六七八九十百零〇\d]{1,4}[条章]|\n\s?\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\s?[^\d\s折元万%起倍]/g;
/** Section headings of a long text: 一、 二、 …, each at the start of a line. */
const SECTION = /\n\s?[一二三四五六七八九十]{1,3}[、.．]/g;
/** Counts of buyers on tiles of a grid: 已售 312, 1.2万人付款, 已抢494件, 月销. */
const SOLD = /已售|已付款|人付款|已抢\d|月销|销量|人已买|人已购|已有\d{1,9}人|(?:sold|Sold)\b/g;
/** Shopping guides and rebate sites send buyers elsewhere. */
const GUIDE = /返利|再返|返现|比价|导购|团购导航|团购大全|网址导航/g;
const TERMS_SELF = /本协议|本条款|本规则|本政策|本声明|本指引|本隐私|本须知|(?:this Agreement|these Terms|this (?:Privacy )?Policy)\b/g;
const TERMS_TITLE = /协议|条款|隐私|政策|规则|规范|声明|须知|服务保障|(?:Terms|Conditions|Privacy|Agreement|Policy|Legal)\b/i;
/** Titles of what a site publishes, not sells. */
const EDITORIAL =
  /新闻|资讯|责任编辑|记者|来源[:：]|发布时间|阅读全文|评论\d|跟帖|论坛|帖子|回帖|楼主|回答|提问|问答|博客|(?:News|Editor|Posted by|Comments)\b/g;
const HELP_TITLE = /帮助|客服中心|常见问题|服务中心|help|FAQ/i;
const NOT_FOUND = /没有找到|找不到|不存在|访问受限|访问被拒绝|页面不存在|已下架|404|暂停营业|店铺已关闭/g;
const HOME_TITLE = /首页|官网|官方网站|官方商城|网上商城|购物网站|网购|商城|电商|批发|(?:Online Shopping|Marketplace|Home ?page)\b/i;
/** A title calling the site a platform or marketplace of many traders. */
const PLATFORM_TITLE = /平台|购物商城|批发网|B2B|商城|(?:Marketplace|Suppliers|Manufacturers|Online Shopping)\b/i;
const CHANNEL_TITLE = /频道|专题|专区|馆|活动|试用|返利|导购|分类|搜索|列表|(?:Search|Category)\b/i;
const PRODUCT_TITLE = /【[^】]{1,80}】|价格|报价|图片|怎么样|参数|(?:Price|Buy)\b/;
/** A brand's own store calls itself 官网 / 官方商城 in its title. */
const OWN_STORE_TITLE = /官网|官方网站|官方商城|官方旗舰|(?:Official Site|Official Store)\b/i;

/**
 * What a site's title and meta description / keywords call it: a shop, a mall, a marketplace. Read in the head, so a
 * script-built shell with no text still says what it is (拼多多商城 … 拼团 团购 购物).
 */
const HEAD_COMMERCE = /商城|电商|网购|网上购物|购物|团购|拼团|批发|商家|卖家|正品|低价|(?:online shopping|marketplace|e-?commerce)\b/gi;

const URL_PRODUCT = /(?:^|[./_-])(?:item|items|product|products|goods|detail|sku|dp)(?:[./_?-]|\d|$)/i;
const URL_SHOP = /(?:^|[./_-])(?:shop|store|dianpu|seller|mall\.jd\.com\/index)(?:[./_?-]|\d|$)|^shop\d{2,12}\./i;
const URL_TERMS = /agreement|terms|privacy|policy|rules?\b|protocol|legal|xieyi|tiaokuan|guize|zhengce/i;
const URL_LISTING = /(?:^|[./_-])(?:search|list|category|cat|channel|book|s)(?:[./_?=-]|\d|$)/i;
const URL_HELP = /(?:^|[./_-])(?:help|faq|service|support|about|news)(?:[./_?-]|\d|$)/i;

/** Links to a shop on a platform: shopNNN.taobao.com, xxx.tmall.com, mall.jd.com/index-N, /shop/N. */
const SHOP_LINK = /^https?:\/\/(?:shop\d{2,12}\.|mall\.jd\.com\/index-\d|[^/]{1,60}\/(?:shop|store)\/\d)/i;

/** The first part of a title names the page; what follows the last separator usually names the site. */
const TITLE_SEPARATOR = /\s*[-_|–—]+\s*/;

function titleHead(title: string): string {
  return title.split(TITLE_SEPARATOR)[0] ?? '';
}

/**
 * `首页-亿婷品牌店-淘宝网`: the home page of something named inside a site, which on a marketplace is a shop's. A
 * marketplace's own home page is `淘宝网 - 首页` or `首页 - 淘宝网`, two parts.
 */
function isShopHomeTitle(title: string): boolean {
  const parts = title.split(TITLE_SEPARATOR).filter(Boolean);
  return parts.length >= 3 && /^首页$/.test(parts[0]);
}

/** A line of prose: long, and not a row of prices (a tile grid flattened into one line). */
const PROSE_LINE = 80;
/** Menu entries are short: a header's 购物车 or 商家入驻, not a headline that mentions them. */
const MENU_ENTRY = 16;
const PRICE_MARK = /[¥￥$]\s?\d/;

/** The page's menus and prose, from one pass over its lines and links. */
interface PageLines {
  /** Lines and link texts (folded) of at most 16 characters: a header's 购物车, not a headline about one. */
  menus: string;
  /** Lines of at least 80 characters without a price, at most COUNT_CAP: an article, a policy, an introduction. */
  proseLines: number;
}

function readPageLines(text: string, links: readonly LinkInfo[]): PageLines {
  const menus: string[] = [];
  let proseLines = 0;
  for (const line of text.split('\n')) {
    const length = line.trim().length;
    if (length <= MENU_ENTRY) menus.push(line);
    else if (length >= PROSE_LINE && proseLines < COUNT_CAP && !PRICE_MARK.test(line)) proseLines++;
  }
  for (const link of links) if (link.text.length <= MENU_ENTRY) menus.push(foldWidth(link.text));
  return { menus: menus.join('\n'), proseLines };
}

/** Words a shop URL holds (SHOP_LINK), in its written href or in what it is resolved against. */
const SHOP_URL_WORDS = /shop|store|mall\.jd\.com/i;
const SHOP_LINK_TEXT = /(?:旗舰店|专卖店|专营店|官方店)$/;

/**
 * How many different shops the page links to, by a shop-like link text or a shop URL. A link whose text is no
 * shop's and whose written href and base say nothing of a shop is passed over without resolving its URL.
 */
function shopLinks(links: readonly LinkInfo[]): number {
  const shops = new Set<string>();
  for (const link of links) {
    const text = link.text.length <= 24 ? foldWidth(link.text) : '';
    const shopText = text !== '' && SHOP_LINK_TEXT.test(text);
    if (!shopText && link.base !== undefined && !SHOP_URL_WORDS.test(link.rawHref ?? '') && !SHOP_URL_WORDS.test(link.base)) continue;
    if (!link.href) continue;
    if (shopText || SHOP_LINK.test(link.href)) {
      shops.add(link.href.replace(/[?#].*$/, ''));
      if (shops.size >= COUNT_CAP) break;
    }
  }
  return shops.size;
}

/**
 * How many prices, and how many lines hold one (a grid of products repeats them line after line; an item page has
 * a few), each up to COUNT_CAP, in one pass.
 */
function pricesOf(text: string): { prices: number; priceLines: number } {
  let prices = 0;
  let lines = 0;
  // The end of the line last counted, found forwards: each character is passed once, however many prices a line
  // holds (looking back to each price's line start was quadratic on one long line of prices).
  let lineEnd = -1;
  for (const match of text.matchAll(PRICE)) {
    if (prices < COUNT_CAP) prices++;
    const at = match.index ?? 0;
    if (at >= lineEnd && lines < COUNT_CAP) {
      const next = text.indexOf('\n', at);
      lineEnd = next < 0 ? text.length : next;
      lines++;
    }
    if (prices >= COUNT_CAP && lines >= COUNT_CAP) break;
  }
  return { prices, priceLines: lines };
}

function webUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) ? parsed : null;
  } catch {
    return null;
  }
}

export function detectPageFeatures(page: PageView, text: string): PageFeatures {
  const title = foldWidth(page.title);
  const head = titleHead(title);
  const { menus, proseLines } = readPageLines(text, page.links);
  const url = webUrl(page.url);
  const where = url ? url.hostname + url.pathname : '';
  const depth = url ? url.pathname.split('/').filter(Boolean).length : 0;
  const { prices, priceLines } = pricesOf(text);
  const addToCart = count(text, ADD_TO_CART);
  const buyNow = count(text, BUY_NOW);
  const accountMenu = distinct(menus, ACCOUNT_MENU);
  const categoryMenu = distinct(menus, CATEGORY_MENU);
  const deals = distinct(menus, DEALS);
  const sold = count(text, SOLD);
  const commerceKinds = [prices, addToCart + buyNow, accountMenu, deals, categoryMenu, sold].filter((n) => n > 0).length;
  const sellerSignup = distinct(menus, SELLER_SIGNUP);
  const linkedShops = shopLinks(page.links);
  return {
    prices,
    priceLines,
    addToCart,
    buyNow,
    sold,
    skuWords: distinct(text, SKU_WORDS),
    shopWords: distinct(text, SHOP_WORDS),
    shopNameInTitle: Number(SHOP_NAME.test(title) || /店铺|小店|工作室/.test(head)),
    shopLinks: linkedShops,
    sellerSignup,
    accountMenu,
    categoryMenu,
    deals,
    /** How many kinds of selling the page shows: prices, buy buttons, a cart or orders menu, deals, categories, sales. */
    commerceKinds,
    /** It sells, but nobody else sells here: no seller sign-up, no links to other shops. */
    singleSeller: Number(commerceKinds >= 2 && sellerSignup === 0 && linkedShops < 2),
    guide: distinct(text, GUIDE),
    clauses: count(text, CLAUSE),
    sections: count(text, SECTION),
    proseLines,
    termsSelfReference: count(text, TERMS_SELF),
    termsTitle: Number(TERMS_TITLE.test(head)),
    editorial: distinct(text, EDITORIAL),
    notFound: distinct(text.slice(0, 4000) + '\n' + title, NOT_FOUND),
    homeTitle: Number(HOME_TITLE.test(head) || /首页|home ?page/i.test(title)),
    platformTitle: Number(PLATFORM_TITLE.test(title)),
    shopHomeTitle: Number(isShopHomeTitle(title)),
    ownStoreTitle: Number(OWN_STORE_TITLE.test(title)),
    channelTitle: Number(CHANNEL_TITLE.test(head)),
    helpTitle: Number(HELP_TITLE.test(head)),
    productTitle: Number(PRODUCT_TITLE.test(title)),
    headCommerce: distinct(`${title}\n${foldWidth(page.headSummary ?? '')}`, HEAD_COMMERCE),
    /** No title at all: a fragment (a footer or header included by a template), not a site's page. */
    untitled: Number(title.trim() === ''),
    titleParts: title.split(TITLE_SEPARATOR).filter(Boolean).length,
    textLength: text.length,
    links: page.links.length,
    webPage: Number(url !== null),
    urlRoot: Number(url !== null && /^\/(?:index\.(?:html?|php|jsp|aspx?))?$/i.test(url.pathname)),
    urlDepth: depth,
    urlProduct: Number(URL_PRODUCT.test(where)),
    urlShop: Number(URL_SHOP.test(where)),
    urlTerms: Number(URL_TERMS.test(where)),
    urlListing: Number(URL_LISTING.test(where) || /[?&](?:q|keyword|wd|cat)=/i.test(url?.search ?? '')),
    urlHelp: Number(URL_HELP.test(where)),
  };
}
