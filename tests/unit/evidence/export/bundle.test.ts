import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { verifyBundle, type BundleManifest } from '@/evidence/export/bundle';
import { sha256Hex } from '@/evidence/seal/digest';
import { buildBundle, captureOf, headOf, hostileAudit, MHTML_BYTES, pngOf, sampleAudit } from '../helpers';

const OPTIONS = { locale: 'zh_CN' as const, exportedAt: '2026-11-28T21:00:00.000+08:00', extensionVersion: '0.1.0' };

async function singleBundle() {
  const audit = sampleAudit();
  return buildBundle([{ audit, capture: await captureOf(audit, null) }], OPTIONS);
}

/** Rewrites one file of a bundle with `change` applied to its bytes. */
function tamper(zip: Uint8Array, path: string, change: (bytes: Uint8Array) => Uint8Array | null): Uint8Array {
  const files: Record<string, Uint8Array> = unzipSync(zip);
  const changed = change(files[path]);
  if (changed) files[path] = changed;
  else delete files[path];
  return zipSync(files);
}

function flipByte(bytes: Uint8Array, at = Math.floor(bytes.length / 2)): Uint8Array {
  const copy = bytes.slice();
  copy[at] ^= 0x01;
  return copy;
}

describe('buildBundle', () => {
  it('holds the report, the audit JSON, the screenshot, the MHTML and a manifest with each SHA-256 and the chain links', async () => {
    const zip = await singleBundle();
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['audit.json', 'evidence-html.json', 'fullpage.png', 'manifest.json', 'page.mhtml', 'report.html', 'screenshot.png']);
    expect(files['screenshot.png']).toEqual(pngOf(1600, 1200));
    expect(files['fullpage.png']).toEqual(pngOf(1600, 5000, 7));
    expect(files['page.mhtml']).toEqual(MHTML_BYTES);
    expect(JSON.parse(strFromU8(files['audit.json']))).toEqual(sampleAudit());
    const manifest = JSON.parse(strFromU8(files['manifest.json'])) as BundleManifest;
    expect(manifest.schema).toBe('liangzhao.bundle/1');
    for (const file of manifest.files) expect(file.sha256, file.path).toBe(await sha256Hex(files[file.path]));
    expect(manifest.audits[0].capture?.record).toMatchObject({ sequence: 1, previous: null });
    expect(strFromU8(files['report.html'])).toContain('data:image/png;base64,');
  });

  it('puts each audit of a selection in its own folder and reports progress by audit', async () => {
    const first = sampleAudit();
    const capture = await captureOf(first, null);
    const second = hostileAudit();
    const progress: number[] = [];
    const zip = await buildBundle(
      [{ audit: first, capture }, { audit: second, capture: await captureOf(second, headOf(capture)) }, { audit: sampleAudit() }],
      { ...OPTIONS, onProgress: (done) => progress.push(done) },
    );
    const names = Object.keys(unzipSync(zip));
    expect(names).toContain('1-shop.example.cn/report.html');
    expect(names).toContain('2-evil.example/screenshot.png');
    expect(names).toContain('3-shop.example.cn/audit.json');
    expect(names).not.toContain('3-shop.example.cn/screenshot.png');
    expect(progress).toEqual([0, 1, 2, 3]);
    expect(names.at(-1)).toBe('manifest.json');
    expect(await verifyBundle(zip)).toMatchObject({ status: 'intact', audits: 3, problems: [] });
  });
});

describe('verifyBundle', () => {
  it('passes an intact bundle', async () => {
    expect(await verifyBundle(await singleBundle())).toMatchObject({ status: 'intact', files: 6, audits: 1, problems: [] });
  });

  it.each(['report.html', 'audit.json', 'screenshot.png', 'fullpage.png', 'page.mhtml', 'evidence-html.json', 'manifest.json'])(
    'names %s when one byte of it changed',
    async (file) => {
      const result = await verifyBundle(tamper(await singleBundle(), file, (b) => flipByte(b)));
      expect(result.status).toBe('broken');
      expect(result.problems[0].params.file).toBe(file);
    },
  );

  it('notices a change in the manifest’s layout alone', async () => {
    const result = await verifyBundle(tamper(await singleBundle(), 'manifest.json', (b) => strToU8(strFromU8(b).replace('\n', '\r\n'))));
    expect(result.problems).toMatchObject([{ code: 'manifestChanged' }]);
  });

  it('names a missing file and an added one', async () => {
    const missing = await verifyBundle(tamper(await singleBundle(), 'page.mhtml', () => null));
    expect(missing.problems[0]).toMatchObject({ code: 'fileMissing', params: { file: 'page.mhtml' } });
    const files = unzipSync(await singleBundle());
    files['extra.js'] = strToU8('alert(1)');
    expect((await verifyBundle(zipSync(files))).problems).toMatchObject([{ code: 'fileUnexpected', params: { file: 'extra.js' } }]);
  });

  it('notices a file replaced together with its manifest entry: the capture record still knows its digest', async () => {
    const zip = await singleBundle();
    const files = unzipSync(zip);
    const manifest = JSON.parse(strFromU8(files['manifest.json'])) as BundleManifest;
    files['screenshot.png'] = new Uint8Array([1, 2, 3]);
    manifest.files.find((f) => f.path === 'screenshot.png')!.sha256 = await sha256Hex(files['screenshot.png']);
    files['manifest.json'] = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
    const result = await verifyBundle(zipSync(files));
    expect(result.problems.map((p) => p.code)).toEqual(['manifestChanged', 'artefactChanged']);
    expect(result.problems[1].params.file).toBe('screenshot.png');
  });

  it('unpacks a large bundle a few megabytes at a time and still names the changed file', async () => {
    const big = (i: number) => ({ audit: { ...sampleAudit(), url: `https://shop.example.cn/${i}`, title: `大${'页'.repeat(700_000)}` } });
    const zip = await buildBundle([big(1), big(2), big(3)], OPTIONS);
    expect(await verifyBundle(zip)).toMatchObject({ status: 'intact', audits: 3 });
    const result = await verifyBundle(tamper(zip, '3-shop.example.cn/audit.json', (b) => flipByte(b)));
    expect(result.problems[0]).toMatchObject({ code: 'fileChanged', params: { file: '3-shop.example.cn/audit.json' } });
    // Several megabytes hashed and zipped: seconds on a loaded 2-core machine, so a stall guard, not a budget.
  }, 60_000);

  it('deflates a file of many slices to the same bytes and digests, and seals a manifest of many audits', async () => {
    // Over a megabyte of report and audit JSON each, so the deflate and the manifest are written in many pieces.
    const big = (i: number) => ({ audit: { ...sampleAudit(), url: `https://shop.example.cn/${i}`, title: `大${'页'.repeat(400_000)}${i}` } });
    const small = Array.from({ length: 300 }, (_, i) => ({ audit: { ...sampleAudit(), url: `https://shop.example.cn/s${i}` } }));
    const entries = [big(1), ...small, big(2)];
    const zip = await buildBundle(entries, OPTIONS);
    const files = unzipSync(zip);
    const manifest = JSON.parse(strFromU8(files['manifest.json'])) as BundleManifest;
    expect(manifest.files.length).toBe(entries.length * 2);
    for (const file of manifest.files) expect(file.sha256, file.path).toBe(await sha256Hex(files[file.path]));
    expect(JSON.parse(strFromU8(files['001-shop.example.cn/audit.json']))).toEqual(big(1).audit);
    expect(strFromU8(files['302-shop.example.cn/report.html'])).toContain(`${'页'.repeat(1000)}2`);
    expect(await verifyBundle(zip)).toMatchObject({ status: 'intact', problems: [], audits: entries.length });
  });

  it('calls what is not a Liangzhao bundle unreadable', async () => {
    expect(await verifyBundle(strToU8('not a zip'))).toMatchObject({ status: 'unreadable', problems: [{ code: 'bundleNotZip' }] });
    expect(await verifyBundle(zipSync({ 'a.txt': strToU8('a') }))).toMatchObject({ status: 'unreadable', problems: [{ code: 'bundleNoManifest' }] });
    const extension = zipSync({ 'manifest.json': strToU8('{"manifest_version":3,"name":"x"}') });
    expect(await verifyBundle(extension)).toMatchObject({ status: 'unreadable', problems: [{ code: 'bundleForeign' }] });
  });
});
