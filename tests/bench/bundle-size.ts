/** Sizes of what ships: the built content script (if built) and the engine bundle the CLI injects. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { engineBundle } from '../../cli/engine-bundle';

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
