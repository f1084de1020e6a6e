/**
 * Verifies exported evidence bundles: `npm run verify -- [--lang zh_CN|en] [--json] BUNDLE.zip...`
 * Re-computes every SHA-256 in each bundle and names what changed. Exit 0 when every bundle is intact, 1 when any
 * was changed, 2 when any could not be read as a Liangzhao bundle (the worst status wins).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
// The CLI renders in either language on the spot (--lang): both catalogues, installed at start.
import '../i18n/all-locales';
import { isLocale, t } from '../i18n';
import type { Locale } from '../rules/types';
import { verifyBundle, type BundleVerification } from '../evidence/export/bundle';
import { describeProblem } from '../evidence/problems';

export const EXIT_INTACT = 0;
export const EXIT_CHANGED = 1;
export const EXIT_UNREADABLE = 2;

export interface VerifyIo {
  readFile: (path: string) => Promise<Uint8Array>;
  out: (line: string) => void;
  err: (line: string) => void;
}

const NODE_IO: VerifyIo = {
  readFile: async (path) => new Uint8Array(await readFile(path)),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export async function main(argv: readonly string[], io: VerifyIo = NODE_IO): Promise<number> {
  let locale: Locale = 'zh_CN';
  let json = false;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg.includes('=') ? arg.slice('--lang='.length) : argv[++i];
      if (!isLocale(value)) return usage(io, locale);
      locale = value;
    } else if (arg === '--help' || arg === '-h' || arg.startsWith('--')) return usage(io, locale);
    else files.push(arg);
  }
  if (files.length === 0) return usage(io, locale);

  let worst = EXIT_INTACT;
  const reports: Array<{ file: string } & BundleVerification> = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await io.readFile(file);
    } catch (error) {
      io.err(t('evidenceCli_cannotRead', locale, { file, detail: error instanceof Error ? error.message : String(error) }));
      reports.push({ file, status: 'unreadable', problems: [], files: 0, audits: 0, links: [] });
      worst = EXIT_UNREADABLE;
      continue;
    }
    const result = await verifyBundle(bytes);
    reports.push({ file, ...result });
    const code = result.status === 'intact' ? EXIT_INTACT : result.status === 'broken' ? EXIT_CHANGED : EXIT_UNREADABLE;
    worst = Math.max(worst, code);
    if (json) continue;
    if (result.status === 'intact') {
      io.out(t('evidenceCli_intact', locale, { file, files: result.files, audits: result.audits }));
    } else {
      const write = result.status === 'broken' ? io.out : io.err;
      write(
        result.status === 'broken'
          ? t('evidenceCli_broken', locale, { file, count: result.problems.length })
          : t('evidenceCli_unreadable', locale, { file }),
      );
      for (const problem of result.problems) write(`  - ${describeProblem(problem, locale)}`);
    }
  }
  if (json) {
    const described = reports.map((r) => ({ ...r, problems: r.problems.map((p) => ({ ...p, message: describeProblem(p, locale) })) }));
    io.out(JSON.stringify(described.length === 1 ? described[0] : described, null, 2));
  }
  return worst;
}

function usage(io: VerifyIo, locale: Locale): number {
  io.err(t('evidenceCli_usage', locale));
  return EXIT_UNREADABLE;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
