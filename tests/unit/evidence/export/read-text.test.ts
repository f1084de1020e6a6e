import { describe, expect, it } from 'vitest';
import { readBlobLines } from '@/evidence/export/read-text';

describe('readBlobText', () => {
  it('decodes and splits slice by slice, keeping characters and lines split across slices whole, with progress', async () => {
    const text = `{"a":"${'亮照'.repeat(400_000)}"},\n${'x'.repeat(600_000)}\n\n]}\n`;
    const seen: number[] = [];
    const blob = new Blob([text]);
    expect(await readBlobLines(blob, (done) => seen.push(done))).toEqual(text.split('\n'));
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe(blob.size);
  });

  it('refuses bytes that are not UTF-8', async () => {
    await expect(readBlobLines(new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe])]))).rejects.toThrow();
  });
});
