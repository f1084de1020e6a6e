import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@/evidence/seal/digest';
import { canonicalJson } from '@/evidence/seal/canonical';
import { auditDigest } from '@/evidence/seal/record';
import { isoWithOffset } from '@/utils/time';
import { sampleAudit } from '../helpers';

describe('sha256Hex', () => {
  // FIPS 180-2 / NIST test vectors.
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('hashes %j to the published digest', async (input, expected) => {
    expect(await sha256Hex(input)).toBe(expected);
  });

  it('hashes a million "a" to the published digest', async () => {
    expect(await sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('hashes strings as UTF-8, bytes and blobs alike', async () => {
    const text = '亮照';
    const bytes = new TextEncoder().encode(text);
    expect(bytes.length).toBe(6);
    const digest = await sha256Hex(text);
    expect(await sha256Hex(bytes)).toBe(digest);
    expect(await sha256Hex(bytes.buffer)).toBe(digest);
    expect(await sha256Hex(new Blob([bytes]))).toBe(digest);
    expect(digest).toBe('a2fa5cd9e0ef325dac06eef21087790b250e2d03d1737333d102e677b9015be6');
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: '中' } })).toBe('{"a":{"c":"中","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('sorts an object out of order inside one in order, and leaves the value it was given as it was', () => {
    const value = { a: 1, b: { d: [1, { y: 2, x: 1 }], c: 2 }, e: [1, 'z'], f: { g: null } };
    const before = JSON.stringify(value);
    expect(canonicalJson(value)).toBe('{"a":1,"b":{"c":2,"d":[1,{"x":1,"y":2}]},"e":[1,"z"],"f":{"g":null}}');
    expect(JSON.stringify(value)).toBe(before);
  });

  it('sorts what toJSON returns', () => {
    expect(canonicalJson({ b: { toJSON: () => ({ z: 1, y: [{ q: 1, p: 2 }] }) }, a: 1 })).toBe('{"a":1,"b":{"y":[{"p":2,"q":1}],"z":1}}');
  });

  it('sorts by code units, so integer-like keys do not come first', () => {
    expect(canonicalJson({ b: 1, '10': 2, '9': 3, a: 4 })).toBe('{"10":2,"9":3,"a":4,"b":1}');
  });

  it('gives the same text before and after a JSON round trip, whatever the key order', () => {
    const value = { z: undefined, y: [undefined, NaN, 1.5e-7, -0], x: new Date(0), w: 'a"\n\u2028' };
    const roundTripped = JSON.parse(JSON.stringify(value));
    expect(canonicalJson(roundTripped)).toBe(canonicalJson(value));
    expect(canonicalJson(value)).toBe('{"w":"a\\"\\n\u2028","x":"1970-01-01T00:00:00.000Z","y":[null,null,1.5e-7,0]}');
  });

  it('writes index-like keys in code-unit order also where they come first or nest', () => {
    expect(canonicalJson({ a: { '2': 1, '10': 2 }, '1': [{ y: 1, '0': 2 }] })).toBe('{"1":[{"0":2,"y":1}],"a":{"10":2,"2":1}}');
  });

  it('writes an audit as the member-by-member writer does', () => {
    const audit = sampleAudit();
    const reordered = JSON.parse(JSON.stringify(audit, (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
    ));
    const expected = memberByMember(audit);
    expect(canonicalJson(audit)).toBe(expected);
    expect(canonicalJson(reordered)).toBe(expected);
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson(undefined)).toThrow();
    expect(() => canonicalJson({ n: 1n })).toThrow();
  });

  it('makes the audit digest independent of key order', async () => {
    const audit = sampleAudit();
    const reordered = Object.fromEntries(Object.entries(audit).reverse()) as typeof audit;
    expect(await auditDigest(reordered)).toBe(await auditDigest(audit));
    expect(await auditDigest({ ...audit, score: (audit.score ?? 0) + 1 })).not.toBe(await auditDigest(audit));
  });
});

/** The definition spelled out: every object's members sorted by code units, written recursively. */
function memberByMember(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : memberByMember(item))).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const keys = Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((key) => `${JSON.stringify(key)}:${memberByMember((value as Record<string, unknown>)[key])}`).join(',')}}`;
}

describe('isoWithOffset', () => {
  it('writes local time with its offset', () => {
    const instant = new Date('2026-11-28T12:57:29.123Z');
    expect(isoWithOffset(instant, { offsetMinutes: 480, milliseconds: true })).toBe('2026-11-28T20:57:29.123+08:00');
    expect(isoWithOffset(instant, { offsetMinutes: -330, milliseconds: true })).toBe('2026-11-28T07:27:29.123-05:30');
    expect(isoWithOffset(instant, { offsetMinutes: 0, milliseconds: true })).toBe('2026-11-28T12:57:29.123+00:00');
    expect(Date.parse(isoWithOffset(instant, { offsetMinutes: 480, milliseconds: true }))).toBe(instant.getTime());
  });
});

describe('evidence messages', () => {
  it('has a message in both languages for every problem a verification or import can report', async () => {
    const { PROBLEM_CODES, describeProblem, problem } = await import('@/evidence/problems');
    const { hasMessage } = await import('@/i18n');
    for (const code of PROBLEM_CODES) {
      expect(hasMessage(`evidenceProblem_${code}`), code).toBe(true);
      expect(describeProblem(problem(code, { file: 'screenshot.png' }), 'en')).not.toContain(`evidenceProblem_`);
    }
  });
});
