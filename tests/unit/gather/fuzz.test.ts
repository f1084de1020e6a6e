/** A small run of the fuzzer (`npm run fuzz` runs thousands): generated and mutated pages never crash the audit. */
import { describe, expect, it } from 'vitest';
import { fuzz, fuzzInput } from '../../bench/fuzz';

describe('fuzz', () => {
  it('audits generated and mutated pages of 1 KB to 1 MB without a crash', { timeout: 120_000 }, () => {
    const report = fuzz({ seed: 20261202, pages: 8 });
    expect(report.pages).toBe(8);
    expect(report.crashes).toEqual([]);
    expect(report.slowest.map((item) => item.index).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps every audit slower than the limit, not only the slowest few', () => {
    const everyAudit = fuzz({ seed: 7, pages: 12, from: 100, maxMs: -1 });
    expect(everyAudit.overLimit.map((item) => item.index)).toEqual([100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111]);
    expect(everyAudit.slowest).toHaveLength(10);
    // Each was audited again before it counted, and its first time is kept.
    expect(everyAudit.overLimit.every((item) => item.firstMs !== undefined)).toBe(true);
    expect(fuzz({ seed: 7, pages: 2, from: 100, maxMs: 60_000 }).overLimit).toEqual([]);
  });

  it('makes the same input again from its seed and index, within the size range', () => {
    for (const index of [0, 5, 9_999]) {
      const input = fuzzInput(3, index);
      expect(fuzzInput(3, index)).toEqual(input);
      expect(input.html.length).toBeGreaterThanOrEqual(1000);
      expect(input.html.length).toBeLessThanOrEqual(1024 * 1024);
    }
    expect(fuzzInput(3, 0).html).not.toBe(fuzzInput(4, 0).html);
  });
});
