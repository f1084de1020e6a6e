import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { AuditResult } from '@/rules/types';
import { toStoredAudit } from '@/storage/db';
import { PAUSED_BADGE_TEXT } from '@/entrypoints/background/badge';
import { captureFromPopup } from './evidence-helpers';
import { badgeOf, browseFixtures, storedAudits, tabIdOf, waitFor, type ExtensionSession, type FixtureBrowsing } from './harness';
import { choose, openAudited, openDashboard, openPopup, seedAudits, textOf } from './ui-helpers';

/**
 * What the lists say of captured evidence: the mark in the popup's history and the dashboard's, the filter, the
 * warning before a deletion breaks the chain; the site chart's dated axis; the badge of a paused site.
 */

const SHOTS = '.tmp/screenshots';
const DAY = 24 * 60 * 60 * 1000;

describe('evidence in the lists, the dated chart and the paused badge', () => {
  let browsing: FixtureBrowsing;
  let session: ExtensionSession;
  let dashboard: Page;
  let capturedUrl: string;

  beforeAll(async () => {
    browsing = await browseFixtures();
    session = browsing.session;
    mkdirSync(SHOTS, { recursive: true });
    const { status, page } = await captureFromPopup(session, browsing.site.origin, 'evidence-shop.html');
    expect(status.ok, status.text).toBe(true);
    capturedUrl = page.url();
    await page.close();
    // A later audit without evidence, and a site audited over ten days.
    await (await openAudited(session, `${browsing.site.origin}/compliant-home.html`)).page.close();
    const template = (await storedAudits(session))[0].result as AuditResult;
    const start = Date.parse(template.auditedAt) - 12 * DAY;
    const rows = Array.from({ length: 8 }, (_, i) =>
      toStoredAudit({ ...template, url: `https://alpha.example.cn/page/${i % 2}`, auditedAt: new Date(start + i * 1.4 * DAY).toISOString(), score: 40 + i * 7 }),
    );
    await seedAudits(session, rows as unknown as Array<Record<string, unknown>>);
  });
  afterAll(async () => {
    await browsing?.close();
  });

  it('marks the captured audit in the popup history', async () => {
    const page = await session.browser.newPage();
    await page.goto(capturedUrl);
    const tabId = await tabIdOf(session, page);
    const { popup } = await openPopup(session, tabId);
    await popup.waitForSelector('.history li [data-evidence-mark]');
    const items = await popup.$$eval('.history li', (lis) => lis.map((li) => ({ text: li.textContent ?? '', marked: li.querySelector('[data-evidence-mark]') !== null })));
    const marked = items.filter((item) => item.marked);
    expect(marked).toHaveLength(1);
    expect(marked[0].text).toContain('取证示例商城');
    expect(marked[0].text).toContain('已取证');
    expect(items.some((item) => !item.marked)).toBe(true);
    await popup.screenshot({ path: `${SHOTS}/popup-history-evidence.png`, fullPage: true });
    await popup.close();
    await page.close();
  });

  it('marks and filters the audits with evidence in the dashboard, and names the chain break before deleting one', async () => {
    ({ dashboard } = await openDashboard(session));
    await dashboard.waitForSelector('table.audits tbody tr');
    expect(await dashboard.$$eval('table.audits tbody tr [data-evidence-mark]', (marks) => marks.length)).toBe(1);
    await dashboard.click('input[name="withEvidence"]');
    await dashboard.waitForFunction(() => document.querySelectorAll('table.audits tbody tr').length === 1, { timeout: 10_000 });
    expect(await textOf(dashboard, 'table.audits tbody tr .page-cell__url')).toBe(capturedUrl);
    await dashboard.screenshot({ path: `${SHOTS}/dashboard-evidence-filter.png` });

    await dashboard.click('table.audits tbody tr .actions button.danger');
    await dashboard.waitForSelector('table.audits tbody tr .confirm__warning');
    const warning = await textOf(dashboard, 'table.audits tbody tr .confirm__warning');
    expect(warning).toContain('取证链将在第 1 号取证');
    expect(warning).toContain(capturedUrl);
    await dashboard.screenshot({ path: `${SHOTS}/dashboard-delete-warning.png` });
    await dashboard.click('table.audits tbody tr .confirm button:not(.danger)');
    await dashboard.click('input[name="withEvidence"]');
    await dashboard.waitForFunction(() => document.querySelectorAll('table.audits tbody tr').length > 1, { timeout: 10_000 });
  });

  it('warns the same way before deleting the site, everything, or by a retention that reaches the capture', async () => {
    await dashboard.click('.tab[data-view="settings"]');
    await choose(dashboard, 'select[name="deleteHost"]', '127.0.0.1');
    await dashboard.click('.settings fieldset:last-of-type button.danger');
    await dashboard.waitForSelector('.settings .confirm__warning');
    expect(await textOf(dashboard, '.settings .confirm__warning')).toContain('第 1 号取证');
    await dashboard.click('.settings .confirm button:not(.danger)');

    await dashboard.click('.settings fieldset:last-of-type p button.danger');
    await dashboard.waitForSelector('.settings .confirm__warning');
    expect(await textOf(dashboard, '.settings .confirm__warning')).toContain('第 1 号取证');
    await dashboard.click('.settings .confirm button:not(.danger)');

    // Keeping only the newest audit would delete the captured one: the setting waits for a second word.
    await dashboard.type('input[name="keepCount"]', '1');
    await dashboard.$eval('input[name="keepCount"]', (input) => (input as HTMLInputElement).form!.requestSubmit());
    await dashboard.waitForSelector('.settings .confirm__warning');
    expect(await textOf(dashboard, '.settings .confirm')).toContain('第 1 号取证');
    await dashboard.screenshot({ path: `${SHOTS}/dashboard-retention-warning.png`, fullPage: true });
    await dashboard.$$eval('.settings .confirm button:not(.danger)', (buttons) => (buttons[0] as HTMLButtonElement).click());
    expect((await storedAudits(session)).some((row) => row.captureId !== undefined)).toBe(true);
  });

  it('dates the site chart’s time axis in the chosen language', async () => {
    await dashboard.click('.tab[data-view="site"]');
    await choose(dashboard, 'select[name="site"]', 'alpha.example.cn');
    await dashboard.waitForFunction(() => document.querySelectorAll('.chart svg circle').length === 8, { timeout: 10_000 });
    const zh = await dashboard.$$eval('.chart__tick text', (texts) => texts.map((t) => t.textContent ?? ''));
    expect(zh.length).toBeGreaterThanOrEqual(3);
    for (const label of zh) expect(label).toMatch(/^\d{1,2}月\d{1,2}日$/);
    expect(await textOf(dashboard, '.chart__range')).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 至 \d{4}年\d{1,2}月\d{1,2}日$/);
    await (await dashboard.$('.chart'))!.screenshot({ path: `${SHOTS}/site-chart-zh.png` });

    await dashboard.click('.tab[data-view="settings"]');
    await choose(dashboard, 'select[name="locale"]', 'en');
    await dashboard.waitForFunction(() => document.documentElement.lang === 'en');
    await dashboard.click('.tab[data-view="site"]');
    await dashboard.waitForSelector('.chart__tick text');
    const en = await dashboard.$$eval('.chart__tick text', (texts) => texts.map((t) => t.textContent ?? ''));
    for (const label of en) expect(label).toMatch(/^[A-Z][a-z]{2} \d{1,2}$/);
    expect(await textOf(dashboard, '.chart__range')).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4} to [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    await (await dashboard.$('.chart'))!.screenshot({ path: `${SHOTS}/site-chart-en.png` });
  });

  it('says on the badge, in the chosen language, that a paused site is paused', async () => {
    await dashboard.click('.tab[data-view="settings"]');
    await dashboard.type('input[name="pauseHost"]', '127.0.0.1');
    await dashboard.$eval('input[name="pauseHost"]', (input) => (input as HTMLInputElement).form!.requestSubmit());
    await dashboard.waitForFunction(() => document.querySelector('.settings')?.textContent?.includes('127.0.0.1'));
    const page = await session.browser.newPage();
    await page.goto(`${browsing.site.origin}/long-sticky.html`);
    const tabId = await tabIdOf(session, page);
    const badge = await waitFor(() => badgeOf(session, tabId), (b) => b.text !== '');
    expect(badge.text).toBe(PAUSED_BADGE_TEXT);
    const title = await session.worker.evaluate((id: number) => chrome.action.getTitle({ tabId: id }), tabId);
    expect(title).toBe('Liangzhao: automatic audits are paused on this site');
    // Leaving for another page clears it, with the tooltip in English too.
    await page.goto('about:blank');
    await waitFor(() => session.worker.evaluate((id: number) => chrome.action.getTitle({ tabId: id }), tabId), (t) => t === "Liangzhao: this page's disclosure audit");
    await page.close();
  });
});
