/**
 * Public-security filing (公网安备), per disclosure-facts.md: 14 digits whose first six are the filing police
 * office's division code; older 12-digit numbers and the `北京市公安局朝阳分局备案编号110105014669` form. No official
 * format specification exists, so 12 digits or an unknown division are warnings, never failures of the format.
 */
import type { PsbFact } from '../types';
import { matchText, type PageView } from '../gather/page';
import { DIVISION_PREFIXES, PROVINCE_CHARS, PROVINCE_DIVISION, PROVINCE_NAMES } from './provinces';
import { hostIsUnder, hostnameOf } from '../gather/url';
import { ClaimedText, matchesNear } from '../gather/text';
import { FINDINGS_LIMIT } from './findings-limit';

export interface PsbMatch {
  start: number;
  end: number;
  text: string;
  digits: string;
  province: string | null;
  form: PsbFact['form'];
  valid: boolean;
  warnings: string[];
}

/** 公网安备, also as the common misspelling 公安网备 and with 案/编号 after it. */
const CURRENT_PATTERN = new RegExp(
  `([${PROVINCE_CHARS}])?\\s?公(?:网安|安网)备(?:案)?\\s?(?:[:：]\\s?)?(?:(?:编)?号\\s?[:：]?\\s?)?(\\d(?: ?\\d){11}(?:(?: ?\\d){2})?)(?!\\d)(\\s?号)?`,
  'g',
);
/** How far 备 can be from the start of a CURRENT_PATTERN match: province, space, 公, 网安. */
const CURRENT_REACH = 5;
const PROVINCE_NAME_ALTERNATION = Object.keys(PROVINCE_NAMES).join('|');
const BUREAU_PATTERN = new RegExp(
  `((${PROVINCE_NAME_ALTERNATION})[省市]?(?:[\\u4e00-\\u9fa5]{1,8}[市州盟])?公安(?:厅|局)[\\u4e00-\\u9fa5]{0,10}?)` +
    `(?:网站|网络)?备案(?:编号|号)\\s?[:：]?\\s?(\\d{12,14})(?!\\d)`,
  'g',
);
/** How far 公安 can be from the start of a BUREAU_PATTERN match: a three-character province, 省/市, a city of 1-9. */
const BUREAU_REACH = 13;

/** `公安机关备案号：31010402000001` names no province: the division code alone says where it was filed. */
const AUTHORITY_PATTERN = /公安(?:机关)?(?:联网)?备案(?:编)?号\s?[:：]?\s?(\d{12}|\d{14})(?!\d)(\s?号)?/g;

/** Checks the division code against the province the text names. */
export function psbProblems(digits: string, divisionOfProvince: string | null): string[] {
  const problems: string[] = [];
  if (digits.length === 12) problems.push('legacy-12-digits');
  else if (digits.length !== 14) problems.push('unusual-length');
  const prefix = digits.slice(0, 2);
  if (!DIVISION_PREFIXES.has(prefix)) problems.push('unknown-division');
  if (divisionOfProvince === null) problems.push('no-province');
  else if (DIVISION_PREFIXES.has(prefix) && prefix !== divisionOfProvince) problems.push('province-mismatch');
  return problems;
}

export function findPsbNumbers(text: string): PsbMatch[] {
  const found: PsbMatch[] = [];
  for (const m of matchesNear(text, CURRENT_PATTERN, '备', CURRENT_REACH)) {
    const province = m[1] ?? null;
    // Digits grouped or broken by a space (`110101020008 68`) are one number.
    const digits = m[2].replace(/ /g, '');
    const warnings = psbProblems(digits, province ? PROVINCE_DIVISION[province] : null);
    found.push({
      start: m.index!,
      end: m.index! + m[0].length,
      text: m[0].trim(),
      digits,
      province,
      form: digits.length === 14 ? 'current' : 'legacy-12',
      valid: warnings.length === 0,
      warnings,
    });
  }
  for (const m of matchesNear(text, BUREAU_PATTERN, '公安', BUREAU_REACH)) {
    const digits = m[3];
    const warnings = psbProblems(digits, PROVINCE_NAMES[m[2]]);
    found.push({
      start: m.index!,
      end: m.index! + m[0].length,
      text: m[0].trim(),
      digits,
      province: m[2],
      form: 'bureau',
      // The bureau form predates the 14-digit numbering; its 12 digits are a warning like any other.
      valid: warnings.length === 0,
      warnings,
    });
  }
  const claimed = new ClaimedText(text.length);
  for (const match of found) claimed.claim(match.start, match.end);
  for (const m of text.matchAll(AUTHORITY_PATTERN)) {
    const start = m.index!;
    if (claimed.overlaps(start, start + m[0].length)) continue;
    const digits = m[1];
    const warnings = psbProblems(digits, digits.slice(0, 2));
    found.push({
      start,
      end: start + m[0].length,
      text: m[0].trim(),
      digits,
      province: null,
      form: digits.length === 14 ? 'current' : 'legacy-12',
      valid: warnings.length === 0,
      warnings,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The national filing system, current (beian.mps.gov.cn) and former (www.beian.gov.cn). */
export function isPsbHref(href: string | null | undefined): boolean {
  const host = hostnameOf(href);
  return hostIsUnder(host, 'beian.mps.gov.cn') || host === 'www.beian.gov.cn' || host === 'beian.gov.cn';
}

/** The record code a filing link carries: `code` (in the query or the hash route) or `recordcode`. */
export function codeInPsbHref(href: string): string | null {
  try {
    const url = new URL(href);
    const hashQuery = url.hash.includes('?') ? url.hash.slice(url.hash.indexOf('?') + 1) : '';
    for (const params of [url.searchParams, new URLSearchParams(hashQuery)]) {
      for (const [key, value] of params) {
        if (/^(record)?code$/i.test(key)) return value.trim();
      }
    }
  } catch {
    // An unparsable link carries no code.
  }
  return null;
}

export function detectPsb(page: PageView): PsbFact[] {
  // Evidence only for the numbers collect.ts keeps, the first FINDINGS_LIMIT: the rest would be cut.
  return findPsbNumbers(matchText(page)).slice(0, FINDINGS_LIMIT).map((match) => {
    const evidence = page.evidenceForRange(match.start, match.end);
    const link = page.linksIn(match.start, match.end).find((candidate) => isPsbHref(candidate.href));
    const code = link ? codeInPsbHref(link.href!) : null;
    const linkMatches = link ? code === match.digits : null;
    const warnings = [...match.warnings];
    if (linkMatches === false) warnings.push('link-code-mismatch');
    return {
      ...evidence,
      text: page.text.slice(match.start, match.end).trim(),
      context: evidence.text,
      href: link?.href ?? evidence.href,
      digits: match.digits,
      province: match.province,
      valid: match.valid,
      form: match.form,
      linked: link !== undefined,
      linkMatches,
      warnings,
    };
  });
}
