import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '@/evidence/export/bundle';
import { canonicalJson } from '@/evidence/seal/canonical';
import { bytesOf, captureFromPopup, readStore } from './evidence-helpers';
import {
  browseFixtures,
  launchWithExtension,
  storedAudits,
  tabIdOf,
  waitFor,
  type ExtensionSession,
  type FixtureBrowsing,
} from './harness';

/**
 * Evidence end to end: a person captures evidence from the popup (opened through the toolbar action, which is what
 * grants `activeTab` for the screenshot), exports from the dashboard, verifies, and imports into another profile.
 */

/** A dashboard tab that saves downloads into `dir`. */
async function openDashboard(session: ExtensionSession, dir: string, hash = ''): Promise<Page> {
  const page = await session.browser.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
  await page.goto(`chrome-extension://${session.extensionId}/dashboard.html${hash}`);
  await page.waitForSelector('[data-testid=evidence-tools]');
  return page;
}

async function noticeOf(page: Page, previous = ''): Promise<{ ok: boolean; text: string }> {
  await page.waitForFunction(
    (before: string) => {
      const el = document.querySelector('[data-testid=evidence-notice] .banner');
      return el && el.textContent !== before;
    },
    { timeout: 30_000 },
    previous,
  );
  return page.$eval('[data-testid=evidence-notice] .banner', (el) => ({ ok: el.getAttribute('data-ok') === 'true', text: el.textContent ?? '' }));
}

/** Clicks an export button and returns the file it downloaded. */
async function exportFile(page: Page, dir: string, format: string, scope?: string): Promise<string> {
  const before = new Set(readdirSync(dir));
  if (scope) await page.click(`input[name=evidence-scope][value=${scope}]`);
  const previous = await page.$eval('[data-testid=evidence-notice]', (el) => el.textContent ?? '');
  await page.click(`button[data-format=${format}]`);
  const notice = await noticeOf(page, previous);
  expect(notice.ok, notice.text).toBe(true);
  const name = await waitFor(
    async () => readdirSync(dir).find((f) => !before.has(f) && !f.endsWith('.crdownload')),
    (found) => found !== undefined,
    15_000,
  );
  return join(dir, name!);
}

const run = promisify(execFile);
async function cliVerify(file: string): Promise<{ code: number; output: string }> {
  return run('node', ['--import', 'tsx', 'cli/verify.ts', '--lang', 'en', file]).then(
    (r) => ({ code: 0, output: r.stdout }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, output: e.stdout + e.stderr }),
  );
}

describe('evidence capture, exports, verification and import', () => {
  let session: ExtensionSession;
  let site: FixtureBrowsing['site'];
  let browsing: FixtureBrowsing | undefined;
  let downloads: string;
  let auditId: number;
  let bundlePath: string;

  beforeAll(async () => {
    browsing = await browseFixtures();
    ({ session, site } = browsing);
    downloads = mkdtempSync(join(tmpdir(), 'liangzhao-downloads-'));
  });
  afterAll(async () => {
    await browsing?.close();
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  it('captures the screenshot, the MHTML, the evidence markup, the page and the versions from the popup', async () => {
    const caseFields = { caseNumber: '沪市监网〔2026〕7号', inspector: '李检查', task: '平台首页公示检查' };
    const { status, exportLink, page } = await captureFromPopup(session, site.origin, 'evidence-shop.html', caseFields);
    expect(status.ok, status.text).toBe(true);
    expect(status.text).toContain('第 1 号记录');
    auditId = Number(/#export=(\d+)$/.exec(exportLink ?? '')?.[1]);
    expect(auditId).toBeGreaterThan(0);

    const [capture] = await readStore(session, 'captures');
    const record = capture.record as Record<string, unknown>;
    expect(record).toMatchObject({
      schema: 'liangzhao.evidence/2',
      sequence: 1,
      previous: null,
      url: `${site.origin}/evidence-shop.html`,
      title: '取证示例商城 - 网上购物平台首页',
      extensionVersion: '0.1.0',
      caseFields,
      absent: [],
    });
    expect(record.capturedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
    expect(record.userAgent).toContain('Chrome/');
    expect(record.rulesetVersion).toMatch(/\S/);

    const blobs = await readStore(session, 'blobs');
    const byName = Object.fromEntries(blobs.map((b) => [b.name as string, b]));
    expect(Object.keys(byName).sort()).toEqual(['evidence-html.json', 'fullpage.png', 'page.mhtml', 'screenshot.png']);
    expect(bytesOf(byName['screenshot.png'].data).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(bytesOf(byName['page.mhtml'].data).toString('latin1')).toContain('MIME-Version: 1.0');
    const elements = JSON.parse(bytesOf(byName['evidence-html.json'].data).toString('utf8')).elements as Array<{ html: string | null }>;
    expect(elements.some((e) => e.html?.includes('沪ICP备2025012345号-1'))).toBe(true);

    const audits = await storedAudits(session);
    expect(audits.find((a) => a.id === auditId)?.captureId).toBe(capture.id);
    await page.close();
  });

  it('exports the ZIP bundle of that audit from the dashboard, and it verifies', async () => {
    const dashboard = await openDashboard(session, downloads, `#export=${auditId}`);
    bundlePath = await exportFile(dashboard, downloads, 'zip', 'audit');
    const files = unzipSync(new Uint8Array(readFileSync(bundlePath)));
    expect(Object.keys(files).sort()).toEqual(['audit.json', 'evidence-html.json', 'fullpage.png', 'manifest.json', 'page.mhtml', 'report.html', 'screenshot.png']);
    const manifest = JSON.parse(strFromU8(files['manifest.json']));
    expect(manifest.files).toHaveLength(6);
    expect(manifest.audits[0].capture.record.caseFields.caseNumber).toBe('沪市监网〔2026〕7号');
    const report = strFromU8(files['report.html']);
    expect(report).toContain('沪市监网〔2026〕7号');
    expect(report).toContain('data:image/png;base64,');

    expect(await verifyBundle(new Uint8Array(readFileSync(bundlePath)))).toMatchObject({ status: 'intact' });
    const cli = await cliVerify(bundlePath);
    expect(cli.code, cli.output).toBe(0);
    await dashboard.close();
  });

  it('fails verification when one byte of any file in the bundle changed, naming the file', async () => {
    const original: Record<string, Uint8Array> = unzipSync(new Uint8Array(readFileSync(bundlePath)));
    for (const name of Object.keys(original)) {
      const files = { ...original, [name]: original[name].slice() };
      files[name][Math.floor(files[name].length / 2)] ^= 0x01;
      const result = await verifyBundle(zipSync(files));
      expect(result.status, name).toBe('broken');
      expect(result.problems[0].params.file, name).toBe(name);
    }
    const tampered = join(downloads, 'tampered.zip');
    const files = { ...original, 'screenshot.png': original['screenshot.png'].slice() };
    files['screenshot.png'][100] ^= 0x01;
    writeFileSync(tampered, zipSync(files));
    const cli = await cliVerify(tampered);
    expect(cli.code).toBe(1);
    expect(cli.output).toContain('File screenshot.png was changed');

    // The dashboard's "Verify a bundle" says the same.
    const dashboard = await openDashboard(session, downloads);
    const upload = async (file: string, previous: string) => {
      const input = await dashboard.$('[data-testid=verify-bundle]');
      await (input as unknown as { uploadFile: (path: string) => Promise<void> }).uploadFile(file);
      return noticeOf(dashboard, previous);
    };
    const intact = await upload(bundlePath, '');
    expect(intact.ok, intact.text).toBe(true);
    expect(await dashboard.$eval('[data-testid=evidence-notice]', (el) => el.textContent)).toContain('第 1 号取证记录也在本浏览器的取证链中');
    const changed = await upload(tampered, intact.text);
    expect(changed.ok).toBe(false);
    expect(changed.text).toContain('文件 screenshot.png 已被改动');
    await dashboard.close();
    rmSync(tampered);
  });

  it('exports every audit as JSON and imports it into a fresh profile with every audit restored', async () => {
    // A second capture, so the chain has a link to check after the import.
    const second = await captureFromPopup(session, site.origin, 'compliant-home.html');
    expect(second.status.ok, second.status.text).toBe(true);
    await second.page.close();

    const dashboard = await openDashboard(session, downloads);
    const jsonPath = await exportFile(dashboard, downloads, 'json', 'all');
    await dashboard.close();
    const exported = JSON.parse(readFileSync(jsonPath, 'utf8'));
    const sourceAudits = await storedAudits(session);
    expect(exported).toMatchObject({ schema: 'liangzhao.export/2', count: sourceAudits.length });
    expect(exported.captures).toHaveLength(2);

    const fresh = await launchWithExtension();
    const freshDownloads = mkdtempSync(join(tmpdir(), 'liangzhao-downloads-'));
    try {
      expect(await fresh.worker.evaluate(() => 1)).toBe(1);
      const target = await openDashboard(fresh, freshDownloads);
      const input = await target.$('[data-testid=import-json]');
      await (input as unknown as { uploadFile: (path: string) => Promise<void> }).uploadFile(jsonPath);
      const notice = await noticeOf(target);
      expect(notice.ok, notice.text).toBe(true);
      expect(notice.text).toContain(`已导入 ${sourceAudits.length} 条核查记录（含取证 2 份）`);

      const restored = await storedAudits(fresh);
      // The same records, whatever order their keys came back in (the export writes them as canonical JSON).
      const key = (rows: Array<Record<string, unknown>>) =>
        rows.map((r) => canonicalJson(r.result)).sort();
      expect(key(restored)).toEqual(key(sourceAudits));
      const sourceCaptures = (await readStore(session, 'captures')).map((c) => c.digest).sort();
      expect((await readStore(fresh, 'captures')).map((c) => c.digest).sort()).toEqual(sourceCaptures);
      expect((await readStore(fresh, 'blobs')).length).toBe((await readStore(session, 'blobs')).length);

      const before = await target.$eval('[data-testid=evidence-notice]', (el) => el.textContent ?? '');
      await target.click('[data-testid=verify-chain]');
      const verified = await noticeOf(target, before);
      expect(verified.ok, verified.text).toBe(true);

      // The same file again changes nothing.
      const again = await target.$('[data-testid=import-json]');
      await (again as unknown as { uploadFile: (path: string) => Promise<void> }).uploadFile(jsonPath);
      expect((await noticeOf(target, verified.text)).text).toContain(`跳过已有的 ${sourceAudits.length} 条`);
      expect((await storedAudits(fresh)).length).toBe(sourceAudits.length);

      // A foreign file is refused, naming why, and nothing changes.
      const foreign = join(freshDownloads, 'package.json');
      writeFileSync(foreign, JSON.stringify({ name: 'not-liangzhao', version: '1.0.0' }));
      const previous = await target.$eval('[data-testid=evidence-notice]', (el) => el.textContent ?? '');
      const third = await target.$('[data-testid=import-json]');
      await (third as unknown as { uploadFile: (path: string) => Promise<void> }).uploadFile(foreign);
      const refused = await noticeOf(target, previous);
      expect(refused.ok).toBe(false);
      expect(refused.text).toContain('这不是亮照导出的文件');
      expect((await storedAudits(fresh)).length).toBe(sourceAudits.length);
    } finally {
      await fresh.close();
      rmSync(freshDownloads, { recursive: true, force: true });
    }
  });

  it('shows a hostile page’s markup and formulas as text in the report and the CSV', async () => {
    const { status, exportLink, page } = await captureFromPopup(session, site.origin, 'evidence-hostile.html');
    expect(status.ok, status.text).toBe(true);
    await page.close();
    const hash = new URL(exportLink!).hash;
    const dashboard = await openDashboard(session, downloads, hash);
    const htmlPath = await exportFile(dashboard, downloads, 'html', 'audit');
    const csvPath = await exportFile(dashboard, downloads, 'csv', 'audit');
    await dashboard.close();

    const report = await session.browser.newPage();
    const dialogs: string[] = [];
    report.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await report.goto(`file://${htmlPath}`);
    const seen = await report.evaluate(() => ({
      text: document.body.textContent ?? '',
      title: document.title,
      scripts: document.querySelectorAll('script').length,
      // The screenshots are drawn as SVG images, so the crops can reuse them.
      images: [...document.querySelectorAll('img, svg image')].map((img) => (img.getAttribute('src') ?? img.getAttribute('href'))?.slice(0, 22)),
      handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
    }));
    // Every image has loaded or failed, so a handler smuggled into the report would have run (and opened a dialog).
    await report.waitForFunction(() => [...document.images].every((img) => img.complete));
    expect(dialogs).toEqual([]);
    expect(seen.scripts).toBe(0);
    expect(seen.handlers).toEqual([]);
    // The visible-area screenshot and the full page.
    expect(seen.images).toEqual(['data:image/png;base64,', 'data:image/png;base64,']);
    expect(seen.text).toContain('<img src=x onerror=alert(1)>');
    expect(seen.text).toContain('=HYPERLINK("http://evil.example","领券")');
    expect(seen.title).toContain('<img src=x onerror=alert(1)>');
    await report.close();

    const csv = readFileSync(csvPath, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""领券"") <img src=x onerror=alert(1)> 特价商城"`);
    const cellStarts = csv.slice(1).split(/,|\r\n/).map((cell) => cell.replace(/^"/, ''));
    expect(cellStarts.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
  });

  it('reports the first break of the stored chain, naming what changed', async () => {
    const dashboard = await openDashboard(session, downloads);
    let previous = await dashboard.$eval('[data-testid=evidence-notice]', (el) => el.textContent ?? '');
    await dashboard.click('[data-testid=verify-chain]');
    const intact = await noticeOf(dashboard, previous);
    expect(intact.ok, intact.text).toBe(true);
    expect(intact.text).toContain('3 份取证记录');

    // Someone replaces the first capture's screenshot in the database.
    await session.worker.evaluate(
      () =>
        new Promise<void>((ok, fail) => {
          const open = indexedDB.open('liangzhao');
          open.onsuccess = () => {
            const store = open.result.transaction('blobs', 'readwrite').objectStore('blobs');
            const request = store.getAll();
            request.onsuccess = () => {
              const row = (request.result as Array<{ name: string; captureId: number }>).filter((b) => b.name === 'screenshot.png').sort((a, b) => a.captureId - b.captureId)[0];
              store.put({ ...row, data: new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' }) }).onsuccess = () => ok();
            };
            request.onerror = () => fail(request.error);
          };
        }),
    );
    previous = intact.text;
    await dashboard.click('[data-testid=verify-chain]');
    const broken = await noticeOf(dashboard, previous);
    expect(broken.ok).toBe(false);
    expect(broken.text).toContain('取证链已断开');
    expect(broken.text).toContain('screenshot.png');
    expect(broken.text).toContain('第 1 号取证');
    await dashboard.close();
  });
});
