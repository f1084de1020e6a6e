import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditDocument } from '@/rules';
import { renderReport } from '@/evidence/export/report';
import { LOCALES } from '@/i18n';
import { CHROMIUM_ARGS } from '@/cli/browser';

/**
 * The report printed to PDF in Chromium, page by page as text (poppler's pdftotext): every finding sits whole on
 * one page, under its rule's name with its citation.
 */
const JD_HOME = 'tests/fixtures/corpus/pages/02-jd-home-2017-saved.html';

describe('the printed report', () => {
  let dir: string;
  let browser: Browser;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liangzhao-pdf-'));
    browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(LOCALES)('keeps every finding on one page, in %s', async (locale) => {
    const { document } = parseHTML(readFileSync(JD_HOME, 'utf8'));
    const audit = auditDocument(document as unknown as Document, { url: 'https://www.jd.com/', mode: 'static' });
    const html = renderReport({ audit, locale, generatedAt: '2026-11-28T21:00:00.000+08:00' });
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = join(dir, `${locale}.pdf`);
    writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
    const findings = await page.$$eval('article.finding', (articles) =>
      articles.map((a) => ({
        head: a.querySelector('h3')!.textContent! + a.querySelector('.meta')!.textContent!,
        message: a.querySelector('.message')!.textContent!,
        last: a.querySelector('tbody tr:last-child td, p:last-child')!.textContent!,
      })),
    );
    await page.close();
    const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').map((text) => text.replace(/\s+/g, ''));
    expect(pages.length).toBeGreaterThan(2);
    expect(findings.length).toBeGreaterThan(5);
    const flat = (text: string) => text.replace(/\s+/g, '');
    for (const finding of findings) {
      // The heading with its status line, the message and the finding's last line are all on one page.
      const on = pages.findIndex((text) => text.includes(flat(finding.head)));
      expect(on, finding.head).toBeGreaterThanOrEqual(0);
      expect(pages[on], finding.head).toContain(flat(finding.message));
      expect(pages[on], finding.head).toContain(flat(finding.last).slice(0, 12));
    }
  });
});
