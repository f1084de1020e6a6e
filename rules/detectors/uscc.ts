/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters over 0-9 and A-Y without I, O, S, V, Z,
 * the last a check character. Found next to its label (统一社会信用代码, 营业执照…) or alone; alone, an 18-character
 * run is taken only when its check character is right, its division code is a real province and company words are
 * near, because product ids and hashes look the same. Some real codes fail the check, so invalid means "suspect".
 */
import type { UsccFact } from '../types';
import { matchText, type PageView } from '../gather/page';
import { DIVISION_PREFIXES } from './provinces';
import { lineAround } from '../gather/text';
import { FINDINGS_LIMIT } from './findings-limit';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * WEIGHTS[i];
  }
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET.charAt(check);
}

/** The characters of a code that GB 32100-2015 never uses (I, O, S, V, Z, or anything not a digit or a letter of it). */
export function usccForeignCharacters(code: string): string[] {
  return [...new Set([...code].filter((character) => !ALPHABET.includes(character)))];
}

export function isValidUscc(code: string): boolean {
  return code.length === 18 && usccCheckCharacter(code.slice(0, 17)) === code.charAt(17);
}

const LABEL =
  /(统一社会信用代码|社会信用代码|信用代码|营业执照(?:注册号|号码|号)?|注册号|工商注册号|Unified\s+Social\s+Credit\s+Code|USCC|Business\s+Licen[cs]e\s+(?:No\.?|Number))(?:\s?[(（][^)）\n]{1,16}[)）])?\s*[:：]?\s*([0-9A-Za-z]{15,22})(?![0-9A-Za-z])/gi;
const BARE = /(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])/g;
const COMPANY_WORDS = /公司|企业|执照|注册|信用|代码|商行|药房|工作室|Co\.|Ltd|Inc/i;
const CONTEXT = 40;

export interface UsccMatch {
  start: number;
  end: number;
  code: string;
  valid: boolean;
  labelled: boolean;
}

export function findUsccCodes(text: string): UsccMatch[] {
  const found: UsccMatch[] = [];
  const labelled = new Set<number>();
  for (const m of text.matchAll(LABEL)) {
    const code = m[2].toUpperCase();
    // 15 digits is the registration number of licences issued before 2015 (注册号), a different thing.
    if (/^\d{15}$/.test(code)) continue;
    const start = m.index! + m[0].length - m[2].length;
    found.push({ start, end: start + code.length, code, valid: isValidUscc(code), labelled: true });
    labelled.add(start);
  }
  for (const m of text.matchAll(BARE)) {
    const start = m.index!;
    if (labelled.has(start)) continue;
    const code = m[0];
    const near = lineAround(text, start, start + code.length, code.length + 2 * CONTEXT);
    // Strong context only: right check character, a real division, company words around.
    if (!isValidUscc(code) || !DIVISION_PREFIXES.has(code.slice(2, 4)) || !COMPANY_WORDS.test(near)) continue;
    found.push({ start, end: start + code.length, code, valid: true, labelled: false });
  }
  return found.sort((a, b) => a.start - b.start);
}

export function detectUscc(page: PageView): UsccFact[] {
  // Evidence only for the codes collect.ts keeps, the first FINDINGS_LIMIT: the rest would be cut.
  return findUsccCodes(matchText(page)).slice(0, FINDINGS_LIMIT).map((match) => {
    const evidence = page.evidenceForRange(match.start, match.end);
    return { ...evidence, text: match.code, context: evidence.text, code: match.code, valid: match.valid, labelled: match.labelled };
  });
}
