/**
 * Builds rules/browser-entry.ts into an IIFE (`globalThis.Liangzhao`) for injection into a page, with esbuild.
 * Cached by a digest of the engine's sources, so repeated runs do not rebuild.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

export const ENGINE_GLOBAL = 'Liangzhao';
const ROOT = resolve(import.meta.dirname, '..');
const SOURCE_DIRS = ['rules', 'i18n'];
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'liangzhao');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|json)$/.test(entry.name) ? [path] : [];
  });
}

function sourceDigest(): string {
  const hash = createHash('sha256');
  for (const file of SOURCE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir))).sort()) {
    hash.update(file).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/** The bundle's source text, built if the engine changed since the cached build. */
export async function engineBundle(): Promise<string> {
  const file = join(CACHE_DIR, `engine-${sourceDigest()}.js`);
  if (existsSync(file) && statSync(file).size > 0) return readFileSync(file, 'utf8');
  const result = await build({
    entryPoints: [join(ROOT, 'rules', 'browser-entry.ts')],
    bundle: true,
    format: 'iife',
    globalName: ENGINE_GLOBAL,
    platform: 'browser',
    target: 'chrome110',
    minify: true,
    write: false,
    alias: { '@': ROOT },
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(file, code);
  return code;
}
