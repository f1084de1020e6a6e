/** Sizes of what ships: the built content script (if built) and the engine bundle the CLI injects. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { engineBundle } from '../../cli/engine-bundle';
import { bundleContentScript } from '../support/content-script-bundle';

export interface BundleSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export const CONTENT_SCRIPT = resolve('.output/chrome-mv3/content-scripts/content.js');

function sizeOf(file: string, code: Buffer | string): BundleSize {
  const buffer = typeof code === 'string' ? Buffer.from(code) : code;
  return { file, bytes: buffer.length, gzipBytes: gzipSync(buffer).length };
}

/** null when the extension has not been built (`npm run bench -- --build` builds it first). */
export function contentScriptSize(): BundleSize | null {
  return existsSync(CONTENT_SCRIPT) ? sizeOf('.output/chrome-mv3/content-scripts/content.js', readFileSync(CONTENT_SCRIPT)) : null;
}

export async function engineBundleSize(): Promise<BundleSize> {
  return sizeOf('engine IIFE (cli/engine-bundle.ts)', await engineBundle());
}

/**
 * What the content script is made of: its entry bundled as it ships (minified, WXT's runtime left out), bytes of
 * output per source folder, largest first. The layout test (tests/unit/layout/content-script.test.ts) keeps the
 * forbidden folders out; this shows where the rest of its size is.
 */
export async function contentScriptBreakdown(): Promise<Array<{ part: string; bytes: number }>> {
  const metafile = await bundleContentScript({ minify: true });
  const parts = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const part = input.split('/').slice(0, input.startsWith('rules/') ? 2 : 1).join('/');
      parts.set(part, (parts.get(part) ?? 0) + bytesInOutput);
    }
  }
  return [...parts].map(([part, bytes]) => ({ part, bytes })).sort((a, b) => b.bytes - a.bytes);
}
