import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type VerifyIo } from '@/cli/verify';
import { buildBundle } from '../evidence/helpers';
import { captureOf, sampleAudit } from '../evidence/helpers';

let dir: string;
let intact: string;
let changed: string;
let notZip: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'liangzhao-verify-'));
  const audit = sampleAudit();
  const zip = await buildBundle([{ audit, capture: await captureOf(audit, null) }], {
    locale: 'zh_CN',
    exportedAt: '2026-11-28T21:00:00.000+08:00',
    extensionVersion: '0.1.0',
  });
  intact = join(dir, 'intact.zip');
  writeFileSync(intact, zip);
  const files: Record<string, Uint8Array> = unzipSync(zip);
  files['page.mhtml'] = files['page.mhtml'].slice();
  files['page.mhtml'][10] ^= 1;
  changed = join(dir, 'changed.zip');
  writeFileSync(changed, zipSync(files));
  notZip = join(dir, 'notes.txt');
  writeFileSync(notZip, strToU8('not a bundle'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(): VerifyIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { readFile: async (p) => new Uint8Array(readFileSync(p)), out: (l) => lines.push(l), err: (l) => errors.push(l), lines, errors };
}

describe('npm run verify', () => {
  it('exits 0 for an intact bundle', async () => {
    const out = io();
    expect(await main(['--lang', 'en', intact], out)).toBe(0);
    expect(out.lines[0]).toBe(`${intact}: intact. The SHA-256 digests of 6 files and 1 audits check out.`);
  });

  it('exits 1 for a changed bundle and names the file', async () => {
    const out = io();
    expect(await main([changed], out)).toBe(1);
    expect(out.lines.join('\n')).toContain('文件 page.mhtml 已被改动');
  });

  it('exits 2 for a file that is not a bundle, or is not there, and takes the worst status of several', async () => {
    const out = io();
    expect(await main(['--lang=en', notZip], out)).toBe(2);
    expect(out.errors.join('\n')).toContain('not a valid ZIP file');
    expect(await main([join(dir, 'missing.zip')], io())).toBe(2);
    expect(await main([intact, changed], io())).toBe(1);
    expect(await main([], io())).toBe(2);
  });

  it('prints JSON when asked', async () => {
    const out = io();
    await main(['--json', '--lang', 'en', changed], out);
    const report = JSON.parse(out.lines.join('\n'));
    expect(report).toMatchObject({ status: 'broken', problems: [{ code: 'fileChanged', params: { file: 'page.mhtml' } }] });
    expect(report.problems[0].message).toContain('page.mhtml');
  });

  it('runs as the npm script with those exit codes', async () => {
    const run = (file: string) =>
      promisify(execFile)('node', ['--import', 'tsx', 'cli/verify.ts', '--lang', 'en', file]).then(
        (r) => ({ code: 0, stdout: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
      );
    const [ok, bad] = await Promise.all([run(intact), run(changed)]);
    expect(ok.code).toBe(0);
    expect(bad).toMatchObject({ code: 1 });
    expect(bad.stdout).toContain('File page.mhtml was changed');
  }, 30_000);
});
