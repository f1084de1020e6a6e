/**
 * Links to the standard terms (G2 art. 7; G1 art. 11, 15, 19): user agreement, privacy policy, trading rules,
 * consumer protection, dispute handling. A link is classified by its own words (text, title), never by an image's
 * alt text: a TRUSTe or 315 trust seal is a badge, not the policy. Placeholder hrefs do not count, so such links are
 * left out. Traps from the corpus: 京豆规则 (loyalty points), 隐私包装 (discreet packaging), 社会保障 (a book
 * category), 法律声明/免责条款 (not a user agreement), 12377 reporting (not dispute handling).
 */
import type { TermsKind, TermsLinkFact } from '../types';
import { linkTarget, type LinkInfo, type PageView } from '../gather/page';
import { inUserContent, lineEndOf, lineStartOf } from './context';
import { linksMatching } from './link-words';
import { PAUSE_EVERY, runSteps, type Steps } from '../../utils/yield';

/** Every terms label holds one of these: a cheap first test for the thousands of product links. */
const TERMS_WORDS =
  /协议|条款|章程|隐私|规则|保障|消费者|消保|赔付|投诉|纠纷|争议|维权|申诉|退换|退货|terms|conditions|privacy|agreement|rules|polic|protection|consumer|dispute|complaint|resolution/i;

/** Link labels longer than this are headlines or product names, not terms links. English words take more room. */
const MAX_LABEL = 16;
const MAX_LATIN_LABEL = 40;

const USER_AGREEMENT =
  /(用户|服务|会员|注册|平台|使用|购买|交易|销售|网站|软件)(服务)?协议|(会员|用户|服务)章程|(服务|使用|用户|交易)条款|terms\s*(of|and|&)\s*(services?|use|sale|conditions)|conditions\s+of\s+(use|sale)|(user|users|member|membership|services?|customer|buyer|platform)\s*agreement|^(terms|terms\s*(&|and)\s*conditions|t\s?&\s?c)$/i;
const TRANSACTION_AGREEMENT = /^transactions?\s+(services?\s+)?agreement$/i;
const PRIVACY =
  /^隐私$|隐私(权)?(政策|保护|声明|申明|协议|条款|指引|规则)|个人信息(保护|处理)(政策|规则|指引)?|privacy\s*(policy|statement|notice)?$|^privacy/i;
const TRADING_RULES =
  /^(交易|平台|商城|市场|服务|网站|用户|售后|商家|买家|卖家)?规则(中心|频道|总则|大全)?$|(交易|平台)规则(中心|频道|总则)?$|规则(中心|频道)|^[\u4e00-\u9fa5]{2}规则$|^(platform|trading|transaction|marketplace|site|buyer|seller|listing)?\s*(rules|policies)(\s*(center|centre))?$|^(rules|policies)\s*(&|and)\s*(rules|policies)$/i;
/**
 * A label that names no kind of rules (规则, [规则], 规则中心, rules): only its line says whose rules they are
 * (发评价拿京豆 … [规则]). A label that names them (平台交易规则, 天猫规则) is judged by its own words, whatever
 * other links share its line (平台交易规则 | 信用评价规则).
 */
const BARE_RULES = /^(规则(中心|频道|总则|大全)?|rules|policies)$/i;
/** Loyalty and promotion rules are not the platform's trading rules. */
const NOT_TRADING = /京豆|积分|优惠|红包|返利|抽奖|金币|秒杀|活动|促销|游戏|京券|礼品卡|会员等级|评价|不规则|规则意见/;
const NOT_TRADING_LABEL = /\b(points|coupons?|rewards?|promotions?|games?|lottery)\b/i;
const CONSUMER_PROTECTION =
  /消费者(权益)?(保障|保护)|消费者权益|消保|(买家|购物|交易)保障|先行赔付|(consumer|buyer|purchase)\s*protection|consumer\s*rights/i;
/**
 * The same promise worded as a returns or guarantee policy, when that is the whole label: 退换货政策, 7天无理由退货,
 * 正品保障, 售后保障, Return Policy. A page on how to send a parcel back (退货流程, 退款说明) is help, not the policy; and
 * inside a longer label (正品保障10天保退换, 支持7天无理由退货的连衣裙) the words are a product's selling point.
 */
const PROTECTION_POLICY =
  /^((退换货|退货)政策|(7|七)天无理由退(换)?货(政策|规则|说明)?|正品保障|售后保障|(returns?|refunds?)(\s*(&|and)\s*(returns?|refunds?))?\s*polic(y|ies))$/i;
const DISPUTE = /投诉|纠纷|争议|维权|申诉|disputes?\b|complaints?\b|resolution\s*cent(er|re)/i;
/** Illegal-content reporting (12377), rights holders' IP complaints and hotline numbers are not consumer dispute handling. */
const NOT_DISPUTE =
  /12377|违法|不良信息|有害信息|廉正|知识产权|侵权|热线|电话|infring|intellectual|\bIPR?\b|copyright|trademark|illegal|abuse|hotline|phone/i;

/** A section heading like 消费者保障 or 天猫保障 followed by protection links (退货, 赔付, 发票…). */
const PROTECTION_HEADING = /^[\u4e00-\u9fa5]{0,6}保障$/;
const NOT_PROTECTION_HEADING = /社会|医疗|养老|健康|意外|生育|防癌|牙科|轻症|品质|正品|质量|安全|售后/;
const PROTECTION_WORDS = /退货|退款|赔付|假一赔|发票保障|保障范围|维权|七天|7天|运费险|三包|先行/;

const OPENING = /[\s[【(（]/;
const CLOSING = /[\s\]】)）>»]/;

/**
 * A label without the brackets and arrows around it: [规则] is 规则. Stepped in from each end rather than replaced:
 * it runs for every link whose label holds a terms word, and product names say 正品保障 on every tile of a grid.
 */
function bareLabel(label: string): string {
  let start = 0;
  let end = label.length;
  while (start < end && OPENING.test(label[start])) start++;
  while (end > start && CLOSING.test(label[end - 1])) end--;
  return label.slice(start, end).trim();
}

/** Classifies a link's label; null when it is no terms link. */
export function classifyTermsLabel(label: string, line = ''): TermsKind | null {
  const text = bareLabel(label);
  if (!text || text.length > (/[\u4e00-\u9fa5]/.test(text) ? MAX_LABEL : MAX_LATIN_LABEL)) return null;
  if (PRIVACY.test(text)) return 'privacyPolicy';
  // The agreement that governs trades between buyers and sellers is the platform's trading rules.
  if (TRANSACTION_AGREEMENT.test(text)) return 'tradingRules';
  if (USER_AGREEMENT.test(text) && !/法律声明|免责/.test(text)) return 'userAgreement';
  if (CONSUMER_PROTECTION.test(text) || PROTECTION_POLICY.test(text)) return 'consumerProtection';
  if (DISPUTE.test(text) && !NOT_DISPUTE.test(text)) return 'disputeResolution';
  if (TRADING_RULES.test(text) && !NOT_TRADING.test(text) && !NOT_TRADING_LABEL.test(text) && !(BARE_RULES.test(text) && NOT_TRADING.test(line))) {
    return 'tradingRules';
  }
  return null;
}

/**
 * Category, list and search pages are where book categories named 规则 or 社会保障 link to; item pages are where
 * products named like terms (a book called 交易规则与博弈论) link to.
 */
function isCatalogueHref(href: string): boolean {
  return /[?&](cat|category|keyword|q|wd)=|\/(list|search|category|cat|item|items|product|products|goods|book|books|sku)[./]/i.test(href);
}

export function detectTermsLinks(page: PageView): Record<TermsKind, TermsLinkFact[]> {
  return runSteps(termsLinkSteps(page));
}

/** detectTermsLinks in steps: it reads every link, and every line that says 保障. */
export function* termsLinkSteps(page: PageView): Steps<Record<TermsKind, TermsLinkFact[]>> {
  const terms: Record<TermsKind, TermsLinkFact[]> = {
    userAgreement: [],
    privacyPolicy: [],
    tradingRules: [],
    consumerProtection: [],
    disputeResolution: [],
  };
  const loyaltyWords = new Map<string, string>();
  // Words first, in one scan of every label: they rule out almost every link before its URL is resolved.
  let tried = 0;
  for (const index of linksMatching(page, 'label', TERMS_WORDS)) {
    if (++tried % PAUSE_EVERY === 0) yield;
    const link = page.links[index];
    const kind = classifyLink(page, link, loyaltyWords);
    const href = kind ? linkTarget(link) : null;
    if (!kind || !href || isCatalogueHref(href)) continue;
    terms[kind].push({ ...page.evidenceForElement(link.element, link.text || link.title), href });
  }
  for (const heading of yield* protectionHeadings(page)) terms.consumerProtection.push(heading);
  return terms;
}

/**
 * The kind of a link whose label holds one of TERMS_WORDS. `loyaltyWords`: per line, the loyalty word the line
 * holds ('' for none), read once per line: a page of one huge line with thousands of 规则 links must not read that
 * line for each.
 */
function classifyLink(page: PageView, link: LinkInfo, loyaltyWords: Map<string, string>): TermsKind | null {
  const label = link.text || link.title;
  let kind = classifyTermsLabel(label);
  // Only a bare trading-rules label needs its line read (京豆 … [规则]).
  if (kind === 'tradingRules' && BARE_RULES.test(bareLabel(label))) {
    const lineStart = lineStartOf(page, link.start);
    const lineEnd = lineEndOf(page, link.end);
    const key = `${lineStart}-${lineEnd}`;
    let words = loyaltyWords.get(key);
    if (words === undefined) {
      words = NOT_TRADING.exec(page.text.slice(lineStart, lineEnd))?.[0] ?? '';
      loyaltyWords.set(key, words);
    }
    kind = classifyTermsLabel(label, words);
  }
  if (kind && inUserContent(page, link.start)) return null;
  return kind;
}

/** A protection heading is at most 8 letters: 消费者保障, 天猫保障. */
const HEADING_LETTERS = 8;
const LETTER = /[\p{L}\p{N}]/u;

/**
 * The letters and digits of text[start, end) (icon fonts put private-use characters before headings), or null once
 * there are more than `max`: a line of a grid's product names is given up after a few characters, not copied whole.
 */
function lettersOf(text: string, start: number, end: number, max: number): string | null {
  let letters = '';
  let count = 0;
  for (let at = start; at < end; ) {
    const code = text.charCodeAt(at);
    let char: string;
    if (code < 0x80) {
      // ASCII, without a regular expression: most of a line is Chinese, digits, Latin letters and spaces.
      at += 1;
      const alphanumeric = (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
      if (!alphanumeric) continue;
      char = text[at - 1];
    } else {
      char = String.fromCodePoint(text.codePointAt(at)!);
      at += char.length;
      const chinese = code >= 0x4e00 && code <= 0x9fff;
      if (!chinese && !LETTER.test(char)) continue;
    }
    if (++count > max) return null;
    letters += char;
  }
  return letters;
}

/** Section headings for consumer protection, evidenced by the protection links that follow them. */
function* protectionHeadings(page: PageView): Steps<TermsLinkFact[]> {
  const found: TermsLinkFact[] = [];
  const text = page.text;
  const seen = new Set<number>();
  // Only lines that mention 保障 can be such headings: find those, not every line of the page.
  let mentions = 0;
  for (const m of text.matchAll(/保障/g)) {
    if (++mentions % PAUSE_EVERY === 0) yield;
    const lineStart = lineStartOf(page, m.index! + 1);
    if (seen.has(lineStart)) continue;
    seen.add(lineStart);
    const lineEnd = lineEndOf(page, m.index!);
    const line = lettersOf(text, lineStart, lineEnd, HEADING_LETTERS);
    if (line === null || !PROTECTION_HEADING.test(line) || NOT_PROTECTION_HEADING.test(line)) continue;
    if (page.linksIn(lineStart, lineEnd).length > 0) continue;
    const following = linksAfter(page, lineEnd, 80).filter((l) => l.href);
    if (following.some((l) => PROTECTION_WORDS.test(l.text))) {
      const evidence = page.evidenceForRange(lineStart, lineEnd);
      found.push({ ...evidence, text: line, href: following[0].href });
    }
  }
  return found;
}

/** Links starting within `span` characters after `offset` (links are in document order). */
function linksAfter(page: PageView, offset: number, span: number): LinkInfo[] {
  const links = page.links;
  let low = 0;
  let high = links.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (links[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  const found: LinkInfo[] = [];
  for (let i = low; i < links.length && links[i].start < offset + span; i++) found.push(links[i]);
  return found;
}
