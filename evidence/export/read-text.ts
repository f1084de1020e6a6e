import { createYielder, type ProgressCallback } from '../../utils/yield';

const SLICE = 128 * 1024;

/**
 * A file's lines, decoded and split slice by slice: `Blob.text()` decodes a large file in one long task on the page
 * (measured: 0.4 s for a 25 MB export), and splitting one giant string is another. Bytes that are not UTF-8 throw,
 * so a binary file is refused rather than misread.
 */
export async function readBlobLines(blob: Blob, onProgress?: ProgressCallback): Promise<string[]> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const yieldNow = createYielder();
  const lines: string[] = [];
  let carry = '';
  const take = (text: string) => {
    const pieces = (carry + text).split('\n');
    carry = pieces.pop() ?? '';
    for (const piece of pieces) lines.push(piece);
  };
  for (let at = 0; at < blob.size; at += SLICE) {
    take(decoder.decode(new Uint8Array(await blob.slice(at, at + SLICE).arrayBuffer()), { stream: true }));
    onProgress?.(Math.min(at + SLICE, blob.size), blob.size);
    await yieldNow();
  }
  take(decoder.decode());
  lines.push(carry);
  return lines;
}
