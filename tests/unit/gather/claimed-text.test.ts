import { describe, expect, it } from 'vitest';
import { ClaimedText } from '@/rules/gather/text';

describe('ClaimedText', () => {
  it('answers as a plain array of claimed characters does, across its 32-character blocks', () => {
    const length = 200;
    const claimed = new ClaimedText(length);
    const plain = new Array<boolean>(length).fill(false);
    // Claims inside one block, across blocks, on block edges, past both ends of the text.
    for (const [start, end] of [[3, 9], [30, 34], [64, 96], [120, 190], [-5, 2], [195, 260], [40, 40]]) {
      claimed.claim(start, end);
      for (let i = Math.max(0, start); i < Math.min(end, length); i++) plain[i] = true;
    }
    for (let offset = -2; offset < length + 2; offset++) expect(claimed.holds(offset)).toBe(plain[offset] === true);
    for (let start = -3; start < length; start += 7) {
      for (const span of [1, 2, 5, 31, 32, 33, 70]) {
        const expected = plain.slice(Math.max(0, start), Math.max(0, start + span)).some(Boolean);
        expect(claimed.overlaps(start, start + span)).toBe(expected);
      }
    }
  });

  it('holds nothing before a claim', () => {
    const claimed = new ClaimedText(10);
    expect(claimed.holds(0)).toBe(false);
    expect(claimed.overlaps(0, 10)).toBe(false);
  });
});
