/**
 * `matchesNear` must find exactly what a scan of the whole text finds, whenever every match holds its anchor within
 * `reach` characters of its start: the detectors rely on it to look only near 备, 公安 and @.
 */
import { describe, expect, it } from 'vitest';
import { matchesNear } from '@/rules/gather/text';
import { seededRandom } from '../../support/random';

function everywhere(text: string, pattern: RegExp): Array<[number, string]> {
  return [...text.matchAll(pattern)].map((m) => [m.index!, m[0]]);
}

function near(text: string, pattern: RegExp, anchor: string | RegExp, reach: number): Array<[number, string]> {
  return [...matchesNear(text, pattern, anchor, reach)].map((m) => [m.index!, m[0]]);
}

const CASES: Array<{ name: string; pattern: RegExp; anchor: string | RegExp; reach: number; alphabet: string[] }> = [
  { name: 'a filing number', pattern: /[京沪]?\s?公网安备\s?\d{4,6}(?!\d)/g, anchor: '备', reach: 5, alphabet: ['京', '沪', ' ', '公', '网', '安', '备', '1', '2', '号'] },
  { name: 'an address', pattern: /(?<![\w.])[a-z][\w.]{0,7}@[a-z]+\.[a-z]{2,3}(?![\w@])/g, anchor: '@', reach: 8, alphabet: ['a', 'b', '.', '@', '_', 'c', 'o', 'm', ' '] },
  { name: 'an anchor in either case', pattern: /[京沪]?\s?icp\s?备\d{2,4}(?!\d)/gi, anchor: /icp/i, reach: 2, alphabet: ['京', ' ', 'i', 'c', 'p', 'I', 'C', 'P', '备', '1', '2'] },
  { name: 'an anchor of alternatives', pattern: /(?:甲乙|丙)丁\d?/g, anchor: /乙|丙/, reach: 1, alphabet: ['甲', '乙', '丙', '丁', '1'] },
  { name: 'overlapping candidates', pattern: /ab?c?X/g, anchor: 'X', reach: 3, alphabet: ['a', 'b', 'c', 'X'] },
];

describe('matchesNear', () => {
  for (const { name, pattern, anchor, reach, alphabet } of CASES) {
    it(`finds every match a whole-text scan finds: ${name}`, () => {
      const next = seededRandom(name.length);
      for (let round = 0; round < 400; round++) {
        const length = 1 + Math.floor(next() * 60);
        const text = Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
        expect(near(text, pattern, anchor, reach), text).toEqual(everywhere(text, pattern));
      }
    });
  }

  it('finds a match that ends before an anchor, and the match that anchor starts', () => {
    expect(near('aXaX', /aX/g, 'X', 1)).toEqual([[0, 'aX'], [2, 'aX']]);
    expect(near('aXX', /a?X/g, 'X', 1)).toEqual([[0, 'aX'], [2, 'X']]);
  });

  it('finds nothing in a text without the anchor', () => {
    expect(near('京公网安11010502000001', /公网安备\d+/g, '备', 5)).toEqual([]);
  });
});
