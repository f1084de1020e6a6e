import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '@/rules/types';
import { buildBundleBlob } from '@/evidence/export/bundle';
import { renderReport } from '@/evidence/export/report';
import { reportImages } from '@/evidence/export/report-images';
import type { CapturedEvidence } from '@/evidence/export/source';
import type { ArtefactEntry, EvidenceRecord } from '@/evidence/seal/record';
import { main as verify } from '@/cli/verify';
import { bytesOf, captureFromAction, readStore } from './evidence-helpers';
import { browseFixtures, storedAudits, tabIdOf, waitFor, type FixtureBrowsing } from './harness';

/**
 * The full-page screenshot of a page taller than the window, whose header is sticky: the whole page in one image,
 * the header once, its digest in the record and the bundle, verified; the report shows it with crops.
 */

const SHOTS = '.tmp/screenshots';
/** The sticky header's colour in tests/e2e/pages/long-sticky.html, and its height. */
const MAGENTA = [255, 0, 170];
const HEADER_HEIGHT = 60;

/** For each row of a PNG, whether the pixel at `x` is the header's magenta; decoded in the service worker. */
async function magentaRows(browsing: FixtureBrowsing, png: Buffer, x: number): Promise<{ width: number; height: number; rows: number[] }> {
  return browsing.session.worker.evaluate(
    async (base64: string, column: number, colour: number[]) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(1, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, column, 0, 1, bitmap.height, 0, 0, 1, bitmap.height);
      const data = context.getImageData(0, 0, 1, bitmap.height).data;
      const rows: number[] = [];
      for (let y = 0; y < bitmap.height; y++) {
        const near = [0, 1, 2].every((c) => Math.abs(data[y * 4 + c] - colour[c]) <= 6);
        if (near) rows.push(y);
      }
      return { width: bitmap.width, height: bitmap.height, rows };
    },
    png.toString('base64'),
    x,
    MAGENTA,
  );
}

describe('full-page screenshot', () => {
  let browsing: FixtureBrowsing;
  let downloads: string;
  beforeAll(async () => {
    browsing = await browseFixtures();
    downloads = mkdtempSync(join(tmpdir(), 'liangzhao-fullpage-'));
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browsing?.close();
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  it('stitches the whole long page with its sticky header once, seals it, verifies it and shows it in the report', async () => {
    const { session, site } = browsing;
    const page = await session.browser.newPage();
    await page.setViewport({ width: 800, height: 600 });
    const url = `${site.origin}/long-sticky.html`;
    await page.goto(url);
    await tabIdOf(session, page);
    await waitFor(() => storedAudits(session), (rows) => rows.some((row) => row.url === url));
    // The person has scrolled down: the visible screenshot shows the middle of the page, and the page comes back there.
    await page.evaluate(() => window.scrollTo(0, 700));
    const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(pageHeight).toBeGreaterThan(2 * 600);

    const captured = await captureFromAction(session, page);
    expect(captured.status.ok, captured.status.text).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(700);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('header')!).visibility)).toBe('visible');

    const [capture] = await readStore(session, 'captures');
    const record = capture.record as EvidenceRecord;
    expect(record.schema).toBe('liangzhao.evidence/2');
    expect(record.viewport).toMatchObject({ scrollY: 700, width: 800, height: 600 });
    expect(record.fullPage).toEqual({
      pageHeight,
      capturedHeight: pageHeight,
      cut: false,
      frames: Math.ceil(pageHeight / 600),
      width: 800,
      height: pageHeight,
    });
    const blobs = await readStore(session, 'blobs');
    const fullPageRow = blobs.find((row) => row.name === 'fullpage.png')!;
    const fullPage = bytesOf(fullPageRow.data);
    const entry = record.artefacts.find((a) => a.kind === 'fullpage-screenshot')!;
    expect(entry).toMatchObject({ name: 'fullpage.png', mediaType: 'image/png', size: fullPage.length });
    expect(createHash('sha256').update(fullPage).digest('hex')).toBe(entry.sha256);

    // The image is as tall as the page, and the magenta header is in it once: at the top, its own height.
    const pixels = await magentaRows(browsing, fullPage, 700);
    expect(pixels).toMatchObject({ width: 800, height: pageHeight });
    expect(pixels.rows).toEqual(Array.from({ length: HEADER_HEIGHT }, (_, y) => y));
    // The visible screenshot was taken at 700 px down, where the sticky header sat at the window's top.
    const visible = await magentaRows(browsing, bytesOf(blobs.find((row) => row.name === 'screenshot.png')!.data), 700);
    expect(visible.rows).toEqual(Array.from({ length: HEADER_HEIGHT }, (_, y) => y));

    // The bundle made from the stored capture verifies with the command line's check, and names a changed full page.
    const audits = await storedAudits(session);
    const audit = audits.find((a) => a.id === capture.auditId)!.result as AuditResult;
    const artefacts = record.artefacts.map((artefact: ArtefactEntry) => ({
      entry: artefact,
      bytes: new Uint8Array(bytesOf(blobs.find((row) => row.captureId === capture.id && row.name === artefact.name)!.data)),
    }));
    const evidence: CapturedEvidence = { sealed: { record, digest: capture.digest as string }, artefacts };
    const bundle = await buildBundleBlob([{ audit, capture: evidence }], { locale: 'en', exportedAt: '2026-12-02T10:00:00.000+08:00', extensionVersion: '0.1.0' });
    const bundlePath = join(downloads, 'long.zip');
    const zipBytes = new Uint8Array(await bundle.arrayBuffer());
    writeFileSync(bundlePath, zipBytes);
    const lines: string[] = [];
    const io = { readFile: async (path: string) => new Uint8Array(await import('node:fs/promises').then((fs) => fs.readFile(path))), out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    expect(await verify(['--lang', 'en', bundlePath], io), lines.join('\n')).toBe(0);
    const files = unzipSync(zipBytes);
    expect(files['fullpage.png']).toEqual(new Uint8Array(fullPage));
    files['fullpage.png'] = files['fullpage.png'].slice();
    files['fullpage.png'][files['fullpage.png'].length - 20] ^= 0x01;
    const tampered = join(downloads, 'tampered.zip');
    writeFileSync(tampered, zipSync(files));
    lines.length = 0;
    expect(await verify(['--lang', 'en', tampered], io)).toBe(1);
    expect(lines.join('\n')).toContain('fullpage.png');

    // The dashboard's check of the stored chain covers the full page too.
    const dashboard = await session.browser.newPage();
    await dashboard.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
    await dashboard.waitForSelector('[data-testid=verify-chain]');
    await dashboard.click('[data-testid=verify-chain]');
    await dashboard.waitForSelector('[data-testid=evidence-notice] .banner');
    const notice = await dashboard.$eval('[data-testid=evidence-notice] .banner', (el) => ({ ok: el.getAttribute('data-ok') === 'true', text: el.textContent ?? '' }));
    expect(notice.ok, notice.text).toBe(true);
    await dashboard.close();

    // The report shows the full page and a crop around each piece of evidence, drawn from the images it holds once.
    for (const locale of ['zh_CN', 'en'] as const) {
      const html = renderReport({ audit, locale, generatedAt: '2026-12-02T10:00:00.000+08:00', capture: evidence.sealed, auditSha256: undefined, ...reportImages(evidence) });
      const report = await session.browser.newPage();
      await report.setViewport({ width: 900, height: 1200 });
      await report.setContent(html, { waitUntil: 'load' });
      const seen = await report.evaluate(() => ({
        fullPage: document.querySelectorAll('figure.fullpage image').length,
        crops: [...document.querySelectorAll('figure.crop figcaption')].map((c) => c.textContent ?? ''),
        // A crop's <use> draws its image: it has a box on the page.
        cropHeights: [...document.querySelectorAll('figure.crop svg')].map((svg) => svg.getBoundingClientRect().height),
      }));
      expect(seen.fullPage).toBe(1);
      expect(seen.crops.length).toBeGreaterThan(0);
      expect(seen.cropHeights.every((h) => h > 10)).toBe(true);
      await report.screenshot({ path: `${SHOTS}/fullpage-report-${locale}.png`, fullPage: true });
      // Printed, the full page starts a page of its own and is scaled to fit it.
      writeFileSync(`${SHOTS}/fullpage-report-${locale}.pdf`, await report.pdf({ format: 'A4', printBackground: true }));
      await report.close();
    }
    await page.close();
  });
});
