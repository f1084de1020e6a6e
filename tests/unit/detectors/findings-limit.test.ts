import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { auditDocument } from '@/rules';
import { FINDINGS_LIMIT, firstPerKey } from '@/rules/detectors/findings-limit';

function audit(body: string) {
  const { document } = parseHTML(`<!doctype html><html><head><title>条款</title></head><body>${body}</body></html>`);
  return auditDocument(document as unknown as Document, { url: 'https://shop.example.cn/terms' });
}

describe('findings limit', () => {
  it('keeps the first of each key, in order', () => {
    const items = ['a1', 'b1', 'a2', 'a3', 'b2'];
    expect(firstPerKey(items, (item) => item[0], 2)).toEqual(['a1', 'b1', 'a2', 'b2']);
  });

  it('keeps at most the limit of each article and kind on a page that repeats them thousands of times', () => {
    const clause = '本公司不承担任何责任。本活动最终解释权归本公司所有。客服电话：400-800-1234。';
    const result = audit(`<p>${clause.repeat(2_000)}</p>`);
    const perBasis = new Map<string, number>();
    for (const found of result.facts.unfairClauses) perBasis.set(found.basis, (perBasis.get(found.basis) ?? 0) + 1);
    expect(perBasis.size).toBeGreaterThanOrEqual(2);
    expect([...perBasis.values()].every((count) => count === FINDINGS_LIMIT)).toBe(true);
    expect(result.facts.phones.length).toBe(FINDINGS_LIMIT);
    // The verdict is the one a single such clause gets: each article still fails, with its first sentence quoted.
    const once = audit(`<p>${clause}</p>`);
    for (const rule of ['no-liability-exclusion', 'no-final-interpretation-claim']) {
      const many = result.results.find((r) => r.ruleId === rule)!;
      expect(many.status).toBe(once.results.find((r) => r.ruleId === rule)!.status);
      expect(many.evidence[0].text).toBe(once.results.find((r) => r.ruleId === rule)!.evidence[0].text);
    }
  });
});
