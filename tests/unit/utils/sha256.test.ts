import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256Steps } from '@/utils/sha256';
import { runSteps } from '@/utils/yield';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it.each([
    ['the empty text', ''],
    ['FIPS 180-4 "abc"', 'abc'],
    ['55 bytes (padding fits the block)', 'a'.repeat(55)],
    ['56 bytes (padding needs a second block)', 'a'.repeat(56)],
    ['Chinese text (three UTF-8 bytes a character)', '第一条 用户协议的订立\n本协议自发布之日起七日后生效。'],
    ['a character outside the BMP', '亮照 𠮷'],
  ])('matches Node for %s', (_label, text) => {
    expect(sha256Hex(text)).toBe(nodeSha256(text));
  });

  it('gives the known digest of "abc"', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('sha256Steps', () => {
  it('hashes the parts joined by the separator, without joining them', () => {
    const parts = ['第一条', '', 'x'.repeat(63), '𠮷'.repeat(40), 'y'.repeat(129)];
    expect(runSteps(sha256Steps(parts, '\n'))).toBe(nodeSha256(parts.join('\n')));
    expect(runSteps(sha256Steps([]))).toBe(nodeSha256(''));
  });

  it('keeps a surrogate pair whole where a long part is encoded in pieces', () => {
    // 16,384 characters a piece: the pair straddles the first boundary.
    const text = 'a'.repeat(16_383) + '𠮷' + 'b'.repeat(20_000);
    expect(sha256Hex(text)).toBe(nodeSha256(text));
  });

  it('pauses within a megabyte of text and gives the same digest as at once', () => {
    const text = '本协议条款。'.repeat(60_000);
    const steps = sha256Steps([text]);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses += 1;
    expect(step.value).toBe(nodeSha256(text));
    // 1.08 MB encoded in pieces of 48 KB, with a pause once 64 KB have been hashed: at least one every 96 KB.
    expect(pauses).toBeGreaterThanOrEqual(11);
  });
});
