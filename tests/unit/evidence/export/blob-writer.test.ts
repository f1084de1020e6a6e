import { describe, expect, it } from 'vitest';
import { BlobWriter } from '@/evidence/export/blob-writer';

async function textOf(blob: Blob): Promise<string> {
  return new TextDecoder().decode(await blob.arrayBuffer());
}

describe('BlobWriter', () => {
  it('keeps text and bytes in order across buffer boundaries, without splitting a character', async () => {
    const out = new BlobWriter(8);
    const parts = ['ab', '亮照核查', '😀x😀', new TextEncoder().encode('字节'), 'y'.repeat(21), new TextEncoder().encode('z'.repeat(9)), ''];
    for (const part of parts) out.write(part);
    const expected = parts.map((p) => (typeof p === 'string' ? p : new TextDecoder().decode(p))).join('');
    const blob = out.blob('text/plain');
    expect(blob.type).toBe('text/plain');
    expect(await textOf(blob)).toBe(expected);
  });

  it('gives an empty Blob when nothing was written', async () => {
    expect((await new BlobWriter().blob()).size).toBe(0);
  });
});
