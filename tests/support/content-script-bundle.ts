import { resolve } from 'node:path';
import type { Metafile } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The content script's entry bundled as it ships, minus WXT's own runtime (its `browser`, defineContentScript):
 * what our sources pull in. The layout test reads which files are in it, the bench how many bytes each adds.
 */
export async function bundleContentScript(options: { minify: boolean }): Promise<Metafile> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [resolve(ROOT, 'entrypoints/content/index.ts')],
    bundle: true,
    write: false,
    metafile: true,
    minify: options.minify,
    format: 'iife',
    platform: 'browser',
    target: 'chrome110',
    absWorkingDir: ROOT,
    alias: { '@': ROOT },
    external: ['wxt', 'wxt/*'],
    define: { defineContentScript: 'globalThis.defineContentScript', 'import.meta.env.FIREFOX': 'false' },
    logLevel: 'silent',
  });
  return result.metafile;
}
