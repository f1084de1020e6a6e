import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { badgeOf, browseFixtures, storedAudits, waitFor, type ExtensionSession, type FixtureBrowsing } from './harness';
import { openAudited, openDashboard, openPopup, textOf } from './ui-helpers';

/**
 * A page the model cannot place: the popup says why (判断依据), one click settles it, and the choice sticks across a
 * reload until the person removes it in the dashboard.
 */
describe('page type a person settles', () => {
  let session: ExtensionSession;
  let site: FixtureBrowsing['site'];
  let browsing: FixtureBrowsing | undefined;
  let shop: { page: Page; tabId: number };
  let url: string;

  beforeAll(async () => {
    browsing = await browseFixtures();
    ({ session, site } = browsing);
    url = `${site.origin}/uncertain.html`;
    shop = await openAudited(session, url);
  });
  afterAll(async () => {
    await browsing?.close();
  });

  const auditsOfTab = async () => (await storedAudits(session)).filter((row) => row.tabId === shop.tabId);
  const newestAudit = async () => (await auditsOfTab()).sort((a, b) => Number(b.id) - Number(a.id))[0];

  it('marks the uncertain page for review, shows why, and confirms a type in one click', async () => {
    const first = await newestAudit();
    expect(first.pageType).toBe((first.result as { detectedPageType: string }).detectedPageType);
    expect(await badgeOf(session, shop.tabId)).toMatchObject({ text: expect.stringMatching(/\?$/) });

    const { popup } = await openPopup(session, shop.tabId);
    await popup.waitForSelector('[data-testid="page-type-confirm"]');
    const buttons = await popup.$$eval('[data-testid="page-type-confirm"] button', (list) => list.map((b) => b.textContent));
    expect(buttons).toEqual(['这是平台首页', '这是其他页面']);
    await popup.click('[data-testid="page-type-reasons"] summary');
    const reasons = await textOf(popup, '[data-testid="page-type-reasons"]');
    expect(reasons).toMatch(/亮照判断本页为“平台首页”，把握度 \d+%。 其次可能是“其他页面”（\d+%）。/);
    expect(reasons).toContain('“商家入驻”“卖家中心”等链接（1）：像“平台首页”');
    mkdirSync('.tmp/screens', { recursive: true });
    await popup.screenshot({ path: '.tmp/screens/popup-page-type.png', fullPage: true });

    // The runner-up, so what the page is audited as differs from what the model reads.
    await popup.click('[data-testid="page-type-confirm"] button:nth-of-type(2)');
    await waitFor(newestAudit, (row) => row.pageType === 'other');
    await popup.waitForSelector('[data-testid="page-type-remembered"]');
    expect(await textOf(popup, '[data-testid="page-type-remembered"]')).toContain('127.0.0.1/uncertain.html');
    expect(await popup.$('[data-testid="page-type-confirm"]')).toBeNull();
    await popup.close();
  });

  it('audits the page as the type chosen after a reload, without a click', async () => {
    await shop.page.reload();
    // The badge was cleared as the page loaded; an N/A dash now is the chosen type, the model's would be "F?".
    await waitFor(() => badgeOf(session, shop.tabId), (badge) => badge.text === '–');
    const { popup } = await openPopup(session, shop.tabId);
    await popup.waitForSelector('[data-testid="page-type-remembered"]');
    expect(await popup.$eval('select', (el) => (el as HTMLSelectElement).value)).toBe('other');
    expect(await popup.$('[data-testid="page-type-confirm"]')).toBeNull();
    await popup.close();
  });

  it('lists the correction in the dashboard, and removing it lets the model decide again', async () => {
    const { dashboard } = await openDashboard(session);
    await dashboard.click('.tab[data-view="settings"]');
    await dashboard.waitForSelector('[data-testid="page-type-corrections"] li');
    expect(await textOf(dashboard, '[data-testid="page-type-corrections"] li')).toContain('127.0.0.1/uncertain.html');
    await dashboard.screenshot({ path: '.tmp/screens/dashboard-page-types.png', fullPage: true });
    await dashboard.click('[data-testid="page-type-corrections"] li button');
    await dashboard.waitForFunction(() => !document.querySelector('[data-testid="page-type-corrections"] li'));

    await shop.page.reload();
    await waitFor(() => badgeOf(session, shop.tabId), (badge) => /\?$/.test(badge.text));
    await dashboard.close();
  });
});
