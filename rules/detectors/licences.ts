/**
 * Other licences and filings a platform or shop shows (网络文化经营许可证, 互联网药品信息服务资格证书, 食品经营许可证,
 * 出版物经营许可证, 医疗器械网络交易服务备案, 增值电信业务经营许可证, 算法备案…), each with its number when one is written.
 * Known names are matched in the page text; a number written without its name (京网文[2017]1530-131号) is
 * recognised by its issuer's format; a link labelled with any "…许可证/资格证书/登记证/备案证" name counts too.
 */
import type { LicenceFact } from '../types';
import { matchText, type PageView } from '../gather/page';
import { PROVINCE_CHARS } from './provinces';
import { ClaimedText, matchesNear } from '../gather/text';
import { findingsCounter } from './findings-limit';
import { PAUSE_EVERY, PAUSE_EVERY_EVIDENCE, runSteps, type Steps } from '../../utils/yield';

interface KnownLicence {
  name: string;
  pattern: RegExp;
  /**
   * A literal (or pattern of literals) every match holds at most `reach` characters after its start, so the pattern
   * is tried only there (matchesNear); left out when the pattern is a literal, which is then its own anchor.
   */
  anchor?: string | RegExp;
  reach?: number;
}

const P = PROVINCE_CHARS;

/** Canonical names and the ways sites write them. */
const KNOWN: KnownLicence[] = [
  { name: '网络文化经营许可证', pattern: /网络文化经营许可证/ },
  { name: '互联网药品信息服务资格证书', pattern: /互联网药品信息服务资[格质]证书?/, anchor: '互联网药品信息服务资' },
  { name: '互联网药品交易服务资格证书', pattern: /互联网药品交易服务资[格质]证书?/, anchor: '互联网药品交易服务资' },
  { name: '食品经营许可证', pattern: /食品经营许可证/ },
  { name: '食品流通许可证', pattern: /食品流通许可证/ },
  { name: '出版物网络交易平台服务经营备案证', pattern: /出版物网络交易平台服务经营备案证?/, anchor: '出版物网络交易平台服务经营备案' },
  { name: '出版物经营许可证', pattern: /出版物经营许可证/ },
  { name: '互联网出版许可证', pattern: /互联网出版许可证|网络出版服务许可证/, anchor: '出版', reach: 3 },
  {
    name: '医疗器械网络交易服务第三方平台备案',
    pattern: /医疗器械网络交易服务(?:第三方平台)?备案(?:凭证)?/,
    anchor: '医疗器械网络交易服务',
  },
  { name: '医疗器械网络销售备案', pattern: /医疗器械网络销售备案(?:凭证)?/, anchor: '医疗器械网络销售备案' },
  { name: '医疗器械经营许可证', pattern: /医疗器械经营(?:企业)?许可证|医疗器械经营备案(?:凭证)?/, anchor: '医疗器械经营' },
  { name: '增值电信业务经营许可证', pattern: /增值电信业务经营许可证/ },
  { name: '音像制品经营许可证', pattern: /音像制品经营许可证/ },
  { name: '信息网络传播视听节目许可证', pattern: /信息网络传播视听节目许可证/ },
  { name: '广播电视节目制作经营许可证', pattern: /广播电视节目制作经营许可证/ },
  { name: '药品经营许可证', pattern: /(?<!互联网)药品经营许可证/, anchor: '药品经营许可证' },
  { name: '药品经营质量管理规范认证证书', pattern: /药品经营质量管理规范认证证书|GSP认证证书/, anchor: '认证证书', reach: 10 },
  { name: '互联网医疗保健信息服务审核同意书', pattern: /互联网医疗保健信息服务审核同意书/ },
  { name: '互联网新闻信息服务许可证', pattern: /互联网新闻信息服务许可证/ },
  { name: '网络食品销售第三方平台提供者备案', pattern: /网络食品(?:销售|交易)第三方平台(?:提供者)?备案/, anchor: '网络食品' },
  { name: '网上交易市场登记证', pattern: /网上交易市场登记证/ },
  { name: '市场名称登记证', pattern: /市场名称登记证/ },
  { name: '税务登记证', pattern: /税务登记证/ },
  { name: '营业性演出许可证', pattern: /营业性演出许可证/ },
];

/** Numbers whose format names their licence, for when the name is not written beside them. */
const NUMBER_FORMATS: KnownLicence[] = [
  {
    name: '网络文化经营许可证',
    pattern: new RegExp(`[${P}]网文\\s?[〔\\[【(（]\\d{4}[〕\\]】)）]\\s?\\d+-\\d+号`, 'g'),
    anchor: '网文',
    reach: 1,
  },
  {
    name: '医疗器械网络交易服务第三方平台备案',
    pattern: new RegExp(`[(（][${P}][)）]\\s?网械平台备字\\s?[〔\\[【(（]\\d{4}[〕\\]】)）]\\s?第?\\d+号`, 'g'),
    anchor: '网械平台备字',
    reach: 4,
  },
  { name: '互联网出版许可证', pattern: new RegExp(`新出网证\\s?[(（][${P}][)）]\\s?字\\s?第?\\d+号`, 'g'), anchor: '新出网证' },
  { name: '出版物经营许可证', pattern: /新出发\s?[^\s|｜]{0,8}?\s?字\s?第?\s?[^\s|｜]{0,3}?\d+号/g, anchor: '新出发' },
  { name: '网络食品销售第三方平台提供者备案', pattern: new RegExp(`[${P}]网食[A-Z]\\d{6,}`, 'g'), anchor: '网食', reach: 1 },
  { name: '市场名称登记证', pattern: /工商网市字\d+号/g, anchor: '工商网市字' },
  { name: '食品流通许可证', pattern: /(?<![A-Za-z0-9])SP\d{16}(?!\d)/g, anchor: 'SP' },
  { name: '食品经营许可证', pattern: /(?<![A-Za-z0-9])JY\d{14}(?!\d)/g, anchor: 'JY' },
  // A value-added telecom licence by its number: the issuing province or 合字 (MIIT, foreign-invested), the classes
  // it covers, the year and serial: 苏B1-20130131, 合字A1.B1-20190011. One that covers B2 is the ICP licence, which
  // the ICP detector reads (合字A1.B1.B2-20180017).
  {
    name: '增值电信业务经营许可证',
    pattern: new RegExp(`(?<![A-Za-z0-9])(?:[${P}]|合字)\\s?(?:A[12]|B1)(?:[.．](?:A[12]|B1)){0,5}\\s?[-－—]\\s?\\d{8}(?!\\d)`, 'g'),
    anchor: /A[12]|B1/,
    reach: 3,
  },
  // An algorithm filing with the Cyberspace Administration: 网信算备 and 21 digits (the filer's division code first).
  { name: '互联网信息服务算法备案', pattern: /网信算备\s?[:：]?\s?\d{21}(?!\d)号?/g, anchor: '网信算备' },
];

/** Where to look for a licence pattern: near its anchor, or near its own text when it is a literal. */
function matchesOf(text: string, known: KnownLicence): Iterable<RegExpExecArray> {
  return matchesNear(text, known.pattern, known.anchor ?? known.pattern.source, known.reach ?? 0);
}

/** Any other name of this shape, when a link is labelled with it. */
const GENERIC_NAME = /^[\u4e00-\u9fa5（）()]{2,24}(许可证|资格证书?|资质证书|登记证|备案证|审核同意书|认证证书|备案凭证)[（(]?[新]?[)）]?$/;

const NUMBER_AFTER_NAME =
  /^[》」』”]?\s?(?:编号|号码|证号|证书编号|号)?\s?[:：]?\s?([^\s|｜,，;；。、]+(?:\s?[-－][^\s|｜,，;；。、]+)*)/;

/** The licence number written right after a name, if any: a token with a digit that is no other label. */
export function numberAfter(text: string): string | null {
  const m = NUMBER_AFTER_NAME.exec(text.slice(0, 60));
  if (!m || !/\d/.test(m[1])) return null;
  const token = m[1].replace(/[|｜]$/, '');
  // Another item's label inside the token (`医疗器械网络销售备案凭证：…`) means the name stood alone.
  if (KNOWN.some((known) => known.pattern.test(token)) || /营业执照|ICP|公网安备|[\u4e00-\u9fa5]{2}[:：]/.test(token)) return null;
  return token;
}

export interface LicenceMatch {
  start: number;
  end: number;
  name: string;
  number: string | null;
}

export function findLicences(text: string): LicenceMatch[] {
  return runSteps(findLicenceSteps(text));
}

/** findLicences in steps: a scan of the text for each licence name and number format. */
function* findLicenceSteps(text: string): Steps<LicenceMatch[]> {
  const found: LicenceMatch[] = [];
  const claimed = new ClaimedText(text.length);
  let matches = 0;
  for (const known of KNOWN) {
    yield;
    for (const m of matchesOf(text, known)) {
      if (++matches % PAUSE_EVERY === 0) yield;
      const nameEnd = m.index! + m[0].length;
      if (claimed.holds(m.index!)) continue;
      const number = numberAfter(text.slice(nameEnd, nameEnd + 60));
      const end = number ? text.indexOf(number, nameEnd) + number.length : nameEnd;
      found.push({ start: m.index!, end, name: known.name, number });
      claimed.claim(m.index!, end);
    }
  }
  for (const format of NUMBER_FORMATS) {
    yield;
    for (const m of matchesOf(text, format)) {
      if (++matches % PAUSE_EVERY === 0) yield;
      const start = m.index!;
      const end = start + m[0].length;
      if (claimed.overlaps(start, end)) continue;
      found.push({ start, end, name: format.name, number: m[0] });
      claimed.claim(start, end);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export function detectLicences(page: PageView): LicenceFact[] {
  return runSteps(licenceSteps(page));
}

/** detectLicences in steps: the text's scans, then every link and image of the page. */
export function* licenceSteps(page: PageView): Steps<LicenceFact[]> {
  const matches = yield* findLicenceSteps(matchText(page));
  // Evidence (a selector, visibility) only for the matches collect.ts keeps: the first FINDINGS_LIMIT of each name.
  const kept = findingsCounter<string>();
  const keptMatches = matches.filter((match) => !kept.full(match.name) && (kept.add(match.name), true));
  const facts: LicenceFact[] = [];
  for (const [index, match] of keptMatches.entries()) {
    if (index % PAUSE_EVERY_EVIDENCE === PAUSE_EVERY_EVIDENCE - 1) yield;
    const evidence = page.evidenceForRange(match.start, match.end);
    facts.push({
      ...evidence,
      text: page.text.slice(match.start, match.end),
      context: evidence.text,
      name: match.name,
      // As displayed: the number ends the match.
      number: match.number === null ? null : page.text.slice(match.end - match.number.length, match.end),
    });
  }
  const claimed = new ClaimedText(page.text.length);
  for (const match of matches) claimed.claim(match.start, match.end);
  // Past FINDINGS_LIMIT facts of one name the rest are cut (collect.ts): a link of that name is not looked at.
  const perName = findingsCounter<string>();
  for (const fact of facts) perName.add(fact.name);
  let linked = 0;
  for (const [index, link] of page.links.entries()) {
    if (index % PAUSE_EVERY === PAUSE_EVERY - 1) yield;
    const label = link.text.replace(/\s+/g, '');
    if (!GENERIC_NAME.test(label) || perName.full(label)) continue;
    if (claimed.overlaps(link.start, link.end)) continue;
    perName.add(label);
    facts.push({ ...page.evidenceForElement(link.element, link.text), name: label, number: null });
    // Links of thousands of names each make evidence: a pause every few of them, not every PAUSE_EVERY links.
    if (++linked % PAUSE_EVERY_EVIDENCE === 0) yield;
  }
  const names = new Set(facts.map((fact) => fact.name));
  // A licence shown as a picture is named only in its alt text or title.
  for (const [index, image] of page.images.entries()) {
    if (index % PAUSE_EVERY === PAUSE_EVERY - 1) yield;
    const words = `${image.alt} ${image.title}`.trim();
    const known = words ? KNOWN.find((candidate) => candidate.pattern.test(words)) : undefined;
    if (!known || names.has(known.name)) continue;
    names.add(known.name);
    facts.push({ ...page.evidenceForElement(image.element, words), name: known.name, number: null });
  }
  return facts;
}
