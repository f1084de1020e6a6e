import { describe, expect, it } from 'vitest';
import { canonicalJson } from '@/evidence/seal/canonical';
import { canonicalPieces, indentedPieces } from '@/evidence/export/json-pieces';

/** A manifest-like object: scalars, arrays of records (nested, with nulls and unordered keys), an empty array. */
const sample = {
  schema: 'liangzhao.bundle/1',
  exportedAt: '2026-12-03T20:00:00.000+08:00',
  files: [
    { path: 'a/report.html', sha256: 'ab'.repeat(32), size: 12 },
    { size: 0, path: '条款/terms.json', sha256: 'cd'.repeat(32) },
  ],
  audits: [
    { folder: 'a/', title: '标题 "引号"\n换行', capture: null, skipped: undefined },
    { folder: 'b/', capture: { record: { z: 1, a: [1, null, { y: true, b: 'x' }] }, digest: 'ef'.repeat(32) } },
  ],
  empty: [] as unknown[],
  nothing: undefined,
  locale: 'zh_CN',
};

describe('canonicalPieces', () => {
  it('joins to exactly the canonical JSON of the whole object', () => {
    expect([...canonicalPieces(sample)].join('')).toBe(canonicalJson(sample));
  });

  it('writes each item of an array member as its own piece', () => {
    const pieces = [...canonicalPieces({ list: [{ a: 1 }, { b: 2 }, { c: 3 }] })];
    expect(pieces).toEqual(['{', '"list":[', '{"a":1}', ',{"b":2}', ',{"c":3}', ']', '}']);
  });

  it('writes null for an array item JSON cannot hold, as canonical JSON does', () => {
    const odd = { list: [1, undefined, 3] };
    expect([...canonicalPieces(odd)].join('')).toBe(canonicalJson(odd));
  });
});

describe('indentedPieces', () => {
  it('joins to exactly JSON.stringify(value, null, 2)', () => {
    expect([...indentedPieces(sample)].join('')).toBe(JSON.stringify(sample, null, 2));
  });

  it('writes an object of scalars alone, and an empty object, as JSON.stringify does', () => {
    expect([...indentedPieces({ a: 1, b: 'x' })].join('')).toBe(JSON.stringify({ a: 1, b: 'x' }, null, 2));
    expect([...indentedPieces({ list: [1, undefined] })].join('')).toBe(JSON.stringify({ list: [1, undefined] }, null, 2));
  });

  it('splits a long array member into one piece per item', () => {
    const list = Array.from({ length: 1000 }, (_, i) => ({ path: `${i}/audit.json` }));
    // '{', the member's opening, its 1,000 items, its closing, '}'.
    expect([...indentedPieces({ list })].length).toBe(1000 + 4);
  });
});
