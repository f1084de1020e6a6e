/**
 * ICP filing (`京ICP备11041704号-1`), ICP licence (`京ICP证070359号`) and value-added telecom licence
 * (`浙B2-20080224`), per disclosure-facts.md "ICP filing or licence". Linked only when the number sits inside a link
 * to an MIIT filing host: a provincial communications office's site does not count.
 */
import type { IcpFact, IcpKind } from '../types';
import { matchText, type PageView } from '../gather/page';
import { PROVINCE_CHARS } from './provinces';
import { hostIsUnder, hostnameOf } from '../gather/url';
import { foldWidth, matchesNear } from '../gather/text';
import { FINDINGS_LIMIT } from './findings-limit';
import { PAUSE_EVERY, PAUSE_EVERY_EVIDENCE, runSteps, type Steps } from '../../utils/yield';

export interface IcpMatch {
  start: number;
  end: number;
  /** As displayed, whitespace collapsed. */
  text: string;
  kind: IcpKind;
  province: string | null;
  serial: string;
  siteSuffix: number | null;
  valid: boolean;
}

const DASH = '[-－—–]';
const ICP_PATTERN = new RegExp(
  `([${PROVINCE_CHARS}])?\\s?ICP\\s?(备|证)\\s?(?:[:：]\\s?)?(\\d{1,12})` +
    `(?:\\s?${DASH}\\s?(\\d{1,3}))?(\\s?号)?(?:\\s?${DASH}\\s?(\\d{1,3}))?(?!\\d)`,
  'gi',
);
/**
 * B2 is the licence for Internet information services (the ICP licence); B1, A1, A2 license other services. A
 * provincial office issues `浙B2-20080224`; MIIT issues foreign-invested firms' licences as `合字B2-20180025`, one
 * licence often covering several classes (`合字A1.B1.B2-20180017`), which is an ICP licence when B2 is among them.
 */
/** How far ICP can be from the start of an ICP_PATTERN match: a province and a space. */
const ICP_REACH = 2;
const CLASS = '[AB][12]';
const TELECOM_PATTERN = new RegExp(
  `([${PROVINCE_CHARS}]|合字)\\s?((?:${CLASS}[.．]){0,5}B2(?:[.．]${CLASS}){0,5})\\s?${DASH}\\s?(\\d{6,8})(?!\\d)`,
  'g',
);
/** How far B2 can be from the start of a TELECOM_PATTERN match: 合字, a space and five other classes before it. */
const TELECOM_REACH = 18;

/** MIIT's filing system, current and former hosts (and their subdomains, e.g. zcainfo.miitbeian.gov.cn). */
const MIIT_HOSTS = ['beian.miit.gov.cn', 'miibeian.gov.cn', 'miitbeian.gov.cn'];

export function isMiitHref(href: string | null | undefined): boolean {
  const host = hostnameOf(href);
  return MIIT_HOSTS.some((domain) => hostIsUnder(host, domain));
}

/**
 * The ICP numbers of `text`, in order. With a `limit`, each of the two scans stops there: the first `limit` numbers
 * of the text are among the first `limit` of each.
 */
export function findIcpNumbers(text: string, limit = Infinity): IcpMatch[] {
  const found: IcpMatch[] = [];
  for (const m of matchesNear(text, ICP_PATTERN, /icp/i, ICP_REACH)) {
    if (found.length >= limit) break;
    const kind: IcpKind = m[2] === '备' ? 'filing' : 'licence';
    const province = m[1] ?? null;
    const serial = m[3];
    const suffix = m[4] ?? m[6];
    // Filings: 6-8 digit older serials, 8 or 10 digit modern ones (year + sequence). Licences: 6 digits.
    const serialOk = kind === 'filing' ? serial.length >= 6 && serial.length <= 10 : serial.length === 6;
    found.push({
      start: m.index!,
      end: m.index! + m[0].length,
      text: m[0].replace(/\s+/g, ' '),
      kind,
      province,
      serial,
      siteSuffix: suffix ? Number(suffix) : null,
      valid: province !== null && serialOk,
    });
  }
  const filings = found.length;
  for (const m of matchesNear(text, TELECOM_PATTERN, 'B2', TELECOM_REACH)) {
    if (found.length - filings >= limit) break;
    found.push({
      start: m.index!,
      end: m.index! + m[0].length,
      text: m[0].replace(/\s+/g, ''),
      kind: 'telecom',
      province: m[1] === '合字' ? null : m[1],
      serial: `${m[2]}-${m[3]}`,
      siteSuffix: null,
      valid: m[3].length === 8,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

export function detectIcp(page: PageView): IcpFact[] {
  return runSteps(icpSteps(page));
}

/** detectIcp in steps: a page can repeat a number hundreds of times, and each one found becomes evidence. */
export function* icpSteps(page: PageView): Steps<IcpFact[]> {
  // Evidence only for the numbers collect.ts keeps, the first FINDINGS_LIMIT: the rest would be cut.
  const matches = findIcpNumbers(matchText(page), FINDINGS_LIMIT).slice(0, FINDINGS_LIMIT);
  yield;
  const facts: IcpFact[] = [];
  for (const [index, match] of matches.entries()) {
    if (index % PAUSE_EVERY_EVIDENCE === PAUSE_EVERY_EVIDENCE - 1) yield;
    const evidence = page.evidenceForRange(match.start, match.end);
    const links = page.linksIn(match.start, match.end);
    const miit = links.find((link) => isMiitHref(link.href));
    facts.push({
      ...evidence,
      // As displayed (full-width characters kept), whitespace treated as the match treats it.
      text: page.text.slice(match.start, match.end).replace(/\s+/g, match.kind === 'telecom' ? '' : ' '),
      context: evidence.text,
      href: miit?.href ?? links.find((link) => link.href)?.href ?? null,
      kind: match.kind,
      province: match.province,
      serial: match.serial,
      siteSuffix: match.siteSuffix,
      valid: match.valid,
      linked: miit !== undefined,
    });
  }
  const shown = new Set(facts.map((fact) => `${fact.kind}:${fact.serial}`));
  // A number shown as a picture is written only in its alt text or title.
  for (const [index, image] of page.images.entries()) {
    if (index % PAUSE_EVERY === PAUSE_EVERY - 1) yield;
    if (facts.length >= FINDINGS_LIMIT) break;
    const words = `${image.alt} ${image.title}`.trim();
    if (!words || !/icp|b2/i.test(foldWidth(words))) continue;
    for (const match of findIcpNumbers(foldWidth(words))) {
      if (shown.has(`${match.kind}:${match.serial}`)) continue;
      shown.add(`${match.kind}:${match.serial}`);
      const href = image.link?.href ?? null;
      const evidence = page.evidenceForElement(image.element, words);
      facts.push({
        ...evidence,
        text: words.slice(match.start, match.end).replace(/\s+/g, match.kind === 'telecom' ? '' : ' '),
        context: evidence.text,
        href,
        kind: match.kind,
        province: match.province,
        serial: match.serial,
        siteSuffix: match.siteSuffix,
        valid: match.valid,
        linked: isMiitHref(href),
      });
      // A page whose images are all numbers makes evidence for each: a pause every few, not every PAUSE_EVERY images.
      if (facts.length % PAUSE_EVERY_EVIDENCE === 0) yield;
    }
  }
  return facts;
}
