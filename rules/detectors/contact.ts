/**
 * Contact details (G2 art. 8(3); G1 art. 14 for natural-person sellers): telephones, e-mail, postal code, address,
 * with Chinese and English labels. Numbers are everywhere on a shop page (prices, ids, sales counts, dates,
 * buyers' Q&A), so a number counts only when it is labelled as a phone or has an unmistakable phone shape, and
 * never inside user-generated content.
 */
import type { AddressFact, EmailFact, PhoneFact, PostalCodeFact } from '../types';
import { matchText, type PageView } from '../gather/page';
import { inUserContent, textBefore } from './context';
import { PROVINCE_NAMES } from './provinces';
import { ClaimedText, matchesNear } from '../gather/text';
import { FINDINGS_LIMIT } from './findings-limit';
import { PAUSE_EVERY, PAUSE_EVERY_EVIDENCE, runSteps, type Steps } from '../../utils/yield';

export interface ParsedPhone {
  normalized: string;
  kind: PhoneFact['kind'];
  /** Written with separators or a country code: recognisable as a phone without a label. */
  formatted: boolean;
  /** A short service number (95xxx): only with a label. */
  short: boolean;
  /** Characters of the candidate that belong to the number. */
  length: number;
}

/**
 * Digit groups separated by one space or a dash (spaced or not: 400 - 615 - 8585), an optional country code and
 * extension. Marketplaces route a shop's line through their hotline with a six-digit extension (400-610-1360转601382).
 */
const PHONE_CANDIDATE =
  /(?<![\w.@/\\+-])(?:\+\s?86[\s-]?|0086[\s-]?|86-)?(?:\((?:0?\d{2,3}|0)\)\s?)?(?:\d{5,12}|\d{2,4}(?=(?: ?[-－—] ?| )\d))(?:(?: ?[-－—] ?| )\d{1,8}){0,3}(?:\s?(?:转|分机|ext\.?)\s?\d{1,6})?(?![\w@])/gi;
const PHONE_LABEL =
  /(电话|手机|热线|客服|联系方式|联系|咨询|服务号|座机|来电|致电|拨打|Tel|Phone|Mobile|Hotline|Call)[^\n]{0,16}$/i;
/** A fax number only: `电话/传真：` labels a number that is both. */
const FAX_LABEL = /(?<!(电话|Tel|Phone)\s?[/／、&]\s?)(传真|Fax)\s*[:：]?\s*$/i;
const NOT_A_PHONE_BEFORE = /([¥￥$＄]|价|编号|订单|货号|单号|ISBN|No\.?|ID|邮编|邮政编码|备案|许可证|证号)\s*[:：]?\s*$/i;
/** A unit right after the number (not on the next line: `…6666\n天猫规则` is no count of days). */
const NOT_A_PHONE_AFTER = /^ *(元|件|人|次|条|笔|个|万|千|天|年|月|日|号|%|g|kg|ml|mm|cm|mAh)/i;

/** Parses a candidate into a phone number, or null when its digits are no phone. */
export function parsePhone(raw: string): ParsedPhone | null {
  let rest = raw.trim();
  let country = false;
  const cc = /^(\+\s?86[\s-]?|0086[\s-]?|86-)/.exec(rest);
  if (cc) {
    country = true;
    rest = rest.slice(cc[0].length);
  }
  // +86 (0)21 …: the bracketed trunk 0 is written for callers inside China.
  if (country) rest = rest.replace(/^\(0\)\s?/, '');
  let extension = '';
  const ext = /\s?(?:转|分机|ext\.?)\s?(\d{1,6})$/i.exec(rest);
  if (ext) {
    extension = ext[1];
    rest = rest.slice(0, ext.index);
  }
  const groups = rest.replace(/[()]/g, ' ').trim().split(/(?: |-|－|—)+/).filter(Boolean);
  // +86 drops the trunk 0 of an area code: +86 21 6084 1111 is 021-60841111, +86 10 … is Beijing's 010.
  if (country && groups.length && /^(10|[2-9])/.test(groups[0])) groups[0] = '0' + groups[0];
  const separated = groups.length > 1 || /^\(/.test(rest);
  const lengthOf = (count: number) => consumedLength(raw, groups, count, cc?.[0] ?? '');
  const withExt = (digits: string, used: number, kind: PhoneFact['kind'], formatted: boolean): ParsedPhone | null => {
    let normalized = digits;
    let end = lengthOf(used);
    if (extension) {
      normalized += '-' + extension;
      end = raw.length;
    } else if (used < groups.length && /^\d{1,5}$/.test(groups[used]) && /-\s?\d{1,5}$/.test(raw.slice(0, lengthOf(used + 1)))) {
      // A trailing dash group is an extension: 021-60841111-3612, 4006561155-3.
      normalized += '-' + groups[used];
      end = lengthOf(used + 1);
    }
    return { normalized, kind: country ? 'international' : kind, formatted: formatted || country, short: false, length: end };
  };

  for (let used = 1; used <= Math.min(3, groups.length); used++) {
    const digits = groups.slice(0, used).join('');
    if (/^1[3-9]\d{9}$/.test(digits)) return withExt(digits, used, 'mobile', separated && used > 1);
    if (/^[48]00\d{7}$/.test(digits)) return withExt(digits, used, 'hotline', used > 1);
    if (/^0\d{9,11}$/.test(digits) && validLandline(groups.slice(0, used))) {
      return withExt(digits, used, 'landline', used > 1 || /^\(/.test(rest));
    }
    if (digits.length > 12) break;
  }
  if (groups.length === 1 && /^9[56]\d{3,6}$/.test(groups[0]) && !country) {
    return { normalized: groups[0], kind: 'hotline', formatted: false, short: true, length: lengthOf(1) };
  }
  return null;
}

/** Area code 0 + 2-3 digits, then 7-8 digits: 010-12345678, 0571-81683755. */
function validLandline(groups: string[]): boolean {
  const digits = groups.join('');
  if (groups.length >= 2) {
    const area = groups[0];
    return /^0\d{2,3}$/.test(area) && /^\d{7,8}$/.test(groups.slice(1).join(''));
  }
  // Unseparated: 3-digit areas start 01/02, the rest have 4 digits.
  const areaLength = /^0[12]/.test(digits) ? 3 : 4;
  return digits.length - areaLength >= 7 && digits.length - areaLength <= 8;
}

/** How many characters of `raw` the first `count` digit groups (and the country code) span. */
function consumedLength(raw: string, groups: string[], count: number, prefix: string): number {
  let position = prefix.length;
  for (let i = 0; i < count; i++) {
    const written = i === 0 && prefix && groups[0].startsWith('0') && !raw.includes(groups[0]) ? groups[0].slice(1) : groups[i];
    const at = raw.indexOf(written, position);
    if (at < 0) return raw.length;
    position = at + written.length;
  }
  return position;
}

/** A local part is at most 64 characters (RFC 5321), so an address is looked for only that far before its `@`. */
const EMAIL_LOCAL_MAX = 64;
const EMAIL = new RegExp(
  `(?<![\\w.+-])[A-Za-z0-9][\\w.+-]{0,${EMAIL_LOCAL_MAX - 1}}@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.([A-Za-z]{2,10})(?![\\w@])`,
  'y',
);

/** `[\w.+-]`, the characters of a local part. */
function isLocalPartChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ||
    code === 95 || code === 46 || code === 43 || code === 45
  );
}

/**
 * EMAIL's matches in the order a scan of the whole text finds them, tried only where one can start: the start of
 * the local part before each `@` (the pattern's look-behind allows no other), at most EMAIL_LOCAL_MAX characters
 * back. One attempt per `@`, however many there are; a page without one costs a native search.
 */
function* emailMatches(text: string): Generator<RegExpExecArray> {
  let from = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', Math.max(at + 1, from))) {
    let start = at;
    while (start > 0 && at - start < EMAIL_LOCAL_MAX && isLocalPartChar(text.charCodeAt(start - 1))) start--;
    // Inside the run of a match already found, no position passes the look-behind.
    if (start === at || start < from) continue;
    EMAIL.lastIndex = start;
    const match = EMAIL.exec(text);
    if (match === null) continue;
    yield match;
    from = start + match[0].length;
  }
}
const FILE_EXTENSIONS = /^(png|jpe?g|gif|webp|svg|css|js|bmp|ico)$/i;

const POSTAL = /(邮编|邮政编码|Post\s?code|Postal\s?Code|Zip(?:\s?Code)?)\s*[:：]?\s*(\d{6})(?!\d)/gi;

/**
 * A postal code written without its label at the end of an address: `…, Zhejiang Province, China, 311121`,
 * `…Hangzhou 310000, China`, `…8号（100080）`. Taken only when the text before it on its line reads as an address.
 * Chinese postal codes start 0-8.
 */
const UNLABELLED_POSTAL =
  /\bChina\s?,?\s?[0-8]\d{5}(?![\d-])|[A-Za-z],?\s[0-8]\d{5},?\s?(?:P\.?\s?R\.?\s?)?China\b|[号楼层室座厦]\s?[(（]?\s?[0-8]\d{5}(?=\s?[)）]|\s|$|[,，;；。|｜])/gm;

const ADDRESS_LABEL =
  /(公司地址|联系地址|办公地址|注册地址|经营地址|通讯地址|通信地址|住所|地址|Address|Add\.?)\s*[:：]\s*/gi;
/** The labels that follow an address on a footer line, with the words put before them (公司电话, 客服热线). */
const NEXT_LABEL =
  '(?:公司|客服|服务|联系|咨询|投诉|举报|办公|售后|销售|全国)?(?:电话|手机|热线|邮编|邮政编码|电子邮箱|邮箱|传真|客服|联系人)';
/**
 * Where an address ends: a separator, a wide gap, or the next label (电话：, 公司电话：, 传真010…, Tel …), whether a
 * colon or the number itself follows it.
 */
const ADDRESS_STOP = new RegExp(
  `[|｜\\n；;。]|\\s{2,}|\\s(?:电话|手机|邮编|邮政编码|邮箱|传真|Tel|E-?mail|Fax|Post)|${NEXT_LABEL}\\s*(?:[:：]|(?=[\\d(（+]))`,
  'i',
);
const ADDRESS_PART_ZH = /省|市|区|县|镇|乡|路|街|道|巷|弄|号|楼|层|室|大厦|广场|园区|中心/g;
const ADDRESS_PART_EN = /\b(District|City|Road|Rd\.?|Street|St\.?|Avenue|Ave\.?|Province|Building|Floor|Room|China)\b/gi;
const LOOKS_LIKE_URL = /:\/\/|www\.|\.(com|cn|net|htm|html|php)\b|[?=]/i;
const UNLABELLED_ADDRESS_ZH = new RegExp(
  `(?:${Object.keys(PROVINCE_NAMES).join('|')})(?:省|市|[\\u4e00-\\u9fa5]{0,4}自治区)?[\\u4e00-\\u9fa5]{0,8}?(?:市|州|盟)?` +
    '[\\u4e00-\\u9fa5]{1,8}?(?:区|县|市)[\\u4e00-\\u9fa5A-Za-z0-9]{1,20}?(?:路|街|道|大道|巷|弄)' +
    '[\\dA-Za-z-]{1,8}号[^\\n|｜；;。，,]{0,30}',
  'g',
);
/**
 * The same without a province, from a city: `广州市荔湾区花海街20号`. It must start after a non-Chinese character or
 * an address word, so the name of the company before it is not taken into the address.
 */
const UNLABELLED_CITY_ADDRESS_ZH = new RegExp(
  '(?<=^|[^\\u4e00-\\u9fa5]|省|址|于|在)[\\u4e00-\\u9fa5]{2,4}?市[\\u4e00-\\u9fa5]{1,8}?(?:区|县)[\\u4e00-\\u9fa5A-Za-z0-9]{1,20}?' +
    '(?:路|街|道|大道|巷|弄)[\\dA-Za-z-]{1,8}号[^\\n|｜；;。，,]{0,30}',
  'g',
);
/**
 * A street address without a number, ending in a building and its unit: `深圳市南山区粤兴二道…大楼B座708`, often shown
 * after the company's name (`深圳市XX科技有限公司 | 深圳市南山区…`). The building word and a unit number must follow the
 * road, so a district and a road alone (发货地, a headline) are no address.
 */
const UNLABELLED_BUILDING_ADDRESS_ZH = new RegExp(
  '(?<=^|[^\\u4e00-\\u9fa5]|省|址|于|在)[\\u4e00-\\u9fa5]{2,4}?市[\\u4e00-\\u9fa5]{1,8}?(?:区|县)[\\u4e00-\\u9fa5A-Za-z0-9]{1,20}?' +
    '(?:路|街|道|大道|巷|弄)[\\u4e00-\\u9fa5A-Za-z0-9]{0,20}?(?:大楼|大厦|广场|中心|园区|产业园|科技园)' +
    '[\\u4e00-\\u9fa5A-Za-z0-9-]{0,12}?(?:[A-Za-z0-9]座|栋|幢|楼|层|室|单元)?\\s?[A-Za-z]?\\d{2,5}(?:室|号)?(?![\\d年月日万元件])',
  'g',
);
/** How far 市 can be from the start of a city address: a city name of two to four characters. */
const CITY_REACH = 4;
/** An English address: from a number or a room/floor word, a road or district part, a tail ending in China. */
const UNLABELLED_ADDRESS_EN =
  /(?<![\w-])(?:\d+[A-Z]?\b|No\.|Room|Floor|Building|Unit|Suite|Tower)[\w .,#'-]{2,100}?\b(?:District|Road|Street|Avenue)\b,[\w .,'-]{0,80}?,\s*(?:P\.?\s?R\.?\s?)?China\b/g;

const MAX_ADDRESS_LABELS = 1000;

/** A labelled value reads as an address: enough address parts, and not a shop URL. */
export function looksLikeAddress(value: string): boolean {
  if (value.length < 6 || LOOKS_LIKE_URL.test(value)) return false;
  const zh = value.match(ADDRESS_PART_ZH)?.length ?? 0;
  const en = value.match(ADDRESS_PART_EN)?.length ?? 0;
  return zh >= 2 || en >= 2;
}

export function detectPhones(page: PageView): PhoneFact[] {
  return runSteps(phoneSteps(page));
}

/** detectPhones in steps: a page's numbers (prices, sales counts, ids) are tens of thousands of candidates. */
export function* phoneSteps(page: PageView): Steps<PhoneFact[]> {
  const text = matchText(page);
  const phones: PhoneFact[] = [];
  let candidates = 0;
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    if (phones.length >= FINDINGS_LIMIT) return phones;
    if (++candidates % PAUSE_EVERY === 0) yield;
    // The shortest phone (a 95xxx service number) has five digits; prices and counts are mostly shorter.
    if (m[0].length < 5) continue;
    const parsed = parsePhone(m[0]);
    if (!parsed) continue;
    const start = m.index!;
    const end = start + parsed.length;
    const before = textBefore(text, start);
    if (NOT_A_PHONE_BEFORE.test(before) || FAX_LABEL.test(before)) continue;
    if (NOT_A_PHONE_AFTER.test(text.slice(end, end + 4))) continue;
    const labelled = PHONE_LABEL.test(before);
    if (!labelled && (parsed.short || !parsed.formatted)) continue;
    if (inUserContent(page, start)) continue;
    const evidence = page.evidenceForRange(start, end);
    phones.push({
      ...evidence,
      text: page.text.slice(start, end),
      context: evidence.text,
      normalized: parsed.normalized,
      kind: parsed.kind,
    });
  }
  // A tel: link whose text is a label ("联系客服") still discloses the number.
  const numbers = new Set(phones.map((phone) => phone.normalized));
  for (const [index, link] of page.links.entries()) {
    if (index % PAUSE_EVERY === PAUSE_EVERY - 1) yield;
    // Evidence only for the numbers collect.ts keeps, the first FINDINGS_LIMIT.
    if (phones.length >= FINDINGS_LIMIT) break;
    const raw = /^tel:([+\d\s()-]{5,24})$/i.exec(link.rawHref?.trim() ?? '')?.[1];
    const parsed = raw ? parsePhone(raw.replace(/^\+86(?=\d)/, '+86 ')) : null;
    if (!parsed || parsed.short || numbers.has(parsed.normalized)) continue;
    if (inUserContent(page, link.start)) continue;
    numbers.add(parsed.normalized);
    phones.push({ ...page.evidenceForElement(link.element), text: raw!.trim(), normalized: parsed.normalized, kind: parsed.kind });
    // A page whose links are all numbers makes evidence for each: a pause every few of them, not every PAUSE_EVERY.
    if (phones.length % PAUSE_EVERY_EVIDENCE === 0) yield;
  }
  return phones;
}

export function detectEmails(page: PageView): EmailFact[] {
  return runSteps(emailSteps(page));
}

/** detectEmails in steps: the text's addresses, then every link's mailto:. */
export function* emailSteps(page: PageView): Steps<EmailFact[]> {
  const emails: EmailFact[] = [];
  const seen = new Set<string>();
  let candidates = 0;
  for (const m of emailMatches(matchText(page))) {
    if (emails.length >= FINDINGS_LIMIT) break;
    if (++candidates % PAUSE_EVERY_EVIDENCE === 0) yield;
    if (FILE_EXTENSIONS.test(m[1]) || inUserContent(page, m.index!)) continue;
    const evidence = page.evidenceForRange(m.index!, m.index! + m[0].length);
    emails.push({ ...evidence, text: page.text.slice(m.index!, m.index! + m[0].length), context: evidence.text });
    seen.add(m[0].toLowerCase());
  }
  // A mailto: link whose text is a label ("联系我们") still discloses the address.
  for (const [index, link] of page.links.entries()) {
    if (index % PAUSE_EVERY === PAUSE_EVERY - 1) yield;
    if (emails.length >= FINDINGS_LIMIT) break;
    const address = /^mailto:([^?]+)/i.exec(link.rawHref?.trim() ?? '')?.[1];
    if (!address || seen.has(address.toLowerCase()) || !/^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/.test(address)) continue;
    seen.add(address.toLowerCase());
    emails.push({ ...page.evidenceForElement(link.element), text: address, href: link.href });
    if (emails.length % PAUSE_EVERY_EVIDENCE === 0) yield;
  }
  return emails;
}

export function detectPostalCodes(page: PageView): PostalCodeFact[] {
  const text = matchText(page);
  const starts = new Set<number>();
  for (const m of text.matchAll(POSTAL)) starts.add(m.index! + m[0].length - 6);
  for (const m of text.matchAll(UNLABELLED_POSTAL)) {
    const start = m.index! + /[0-8]\d{5}/.exec(m[0])!.index;
    // The address before it: back to the start of its line or the last separator (`Email: … | Address: …`).
    const before = text.slice(Math.max(0, start - 120), start);
    const address = before.slice(Math.max(before.lastIndexOf('\n'), before.search(/[|｜;；][^|｜;；]*$/)) + 1);
    if (looksLikeAddress(address)) starts.add(start);
  }
  const codes: PostalCodeFact[] = [];
  for (const start of [...starts].sort((x, y) => x - y)) {
    // Evidence only for the codes collect.ts keeps, the first FINDINGS_LIMIT.
    if (codes.length >= FINDINGS_LIMIT) break;
    if (inUserContent(page, start)) continue;
    const evidence = page.evidenceForRange(start, start + 6);
    codes.push({ ...evidence, text: page.text.slice(start, start + 6), context: evidence.text });
  }
  return codes;
}

export function detectAddresses(page: PageView): AddressFact[] {
  const text = matchText(page);
  const found: AddressFact[] = [];
  const taken = new ClaimedText(text.length);
  // Evidence only for the addresses collect.ts keeps, the first FINDINGS_LIMIT: once it has them the scans stop.
  const full = () => found.length >= FINDINGS_LIMIT;
  const add = (start: number, end: number) => {
    if (taken.overlaps(start, end) || inUserContent(page, start)) return;
    taken.claim(start, end);
    const evidence = page.evidenceForRange(start, end);
    found.push({ ...evidence, text: page.text.slice(start, end).trim(), context: evidence.text });
  };
  let labels = 0;
  for (const m of text.matchAll(ADDRESS_LABEL)) {
    // No real page labels a thousand addresses; a hostile one that does must not stall the audit.
    if (++labels > MAX_ADDRESS_LABELS || full()) break;
    const start = m.index! + m[0].length;
    const stop = ADDRESS_STOP.exec(text.slice(start, start + 120));
    const end = start + (stop ? stop.index : Math.min(120, text.length - start));
    if (looksLikeAddress(text.slice(start, end).trim())) add(start, end);
  }
  const unlabelled = [
    text.matchAll(UNLABELLED_ADDRESS_ZH),
    matchesNear(text, UNLABELLED_CITY_ADDRESS_ZH, '市', CITY_REACH),
    matchesNear(text, UNLABELLED_BUILDING_ADDRESS_ZH, '市', CITY_REACH),
    // Every English address ends in China: a page without the word has none to scan for.
    text.includes('China') ? text.matchAll(UNLABELLED_ADDRESS_EN) : [],
  ];
  for (const matches of unlabelled) {
    for (const m of matches) {
      if (full()) return found;
      // The tail after the number ends at the next label (邮编, 电话 …), as a labelled address does.
      const stop = ADDRESS_STOP.exec(m[0]);
      add(m.index!, m.index! + (stop ? m[0].slice(0, stop.index) : m[0]).trimEnd().length);
    }
  }
  return found;
}
