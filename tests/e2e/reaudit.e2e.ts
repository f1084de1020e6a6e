import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgeOf,
  hexToRgba,
  launchWithExtension,
  serveFixtures,
  storedAudits,
  tabIdOf,
  waitFor,
  type ExtensionSession,
} from './harness';
import { BADGE_COLOURS } from '@/background/badge';

describe('re-audit', () => {
  let session: ExtensionSession;
  let site: Awaited<ReturnType<typeof serveFixtures>>;

  beforeAll(async () => {
    site = await serveFixtures();
    session = await launchWithExtension();
  });
  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  const rowsOf = async (tabId: number) => (await storedAudits(session)).filter((row) => row.tabId === tabId);

  it('updates the badge when the footer arrives after load', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${site.origin}/late-footer.html`);
    const tabId = await tabIdOf(session, page);
    const first = await waitFor(() => badgeOf(session, tabId), (badge) => badge.text !== '');
    expect(first.colour).toEqual(hexToRgba(BADGE_COLOURS.fail));
    const later = await waitFor(
      () => badgeOf(session, tabId),
      (badge) => badge.colour.join() === hexToRgba(BADGE_COLOURS.pass).join(),
    );
    expect(later.text).toMatch(/^[A-D]$/);
    const rows = await rowsOf(tabId);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.at(-1)!.failedRules).not.toContain('icp-number');
    await page.close();
  });

  it('audits again after an in-page route change (pushState) and a hash change', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${site.origin}/spa.html`);
    const tabId = await tabIdOf(session, page);
    await waitFor(() => rowsOf(tabId), (rows) => rows.length === 1);

    await page.evaluate(() => (window as unknown as { go: (p: string, h: string) => void }).go('/spa/item/42', '<p>商品详情</p>'));
    await waitFor(() => rowsOf(tabId), (rows) => rows.some((row) => String(row.url).endsWith('/spa/item/42')));

    // A route change that touches nothing else in the page is still seen.
    await page.evaluate(() => (window as unknown as { goWithoutChange: (p: string) => void }).goWithoutChange('/spa/quiet'));
    await waitFor(() => rowsOf(tabId), (rows) => rows.some((row) => String(row.url).endsWith('/spa/quiet')));

    await page.evaluate(() => (location.hash = '#reviews'));
    await waitFor(() => rowsOf(tabId), (rows) => rows.some((row) => String(row.url).endsWith('/spa/quiet#reviews')));
    await page.close();
  });

  it('costs at most about one audit per second on a page that never stops changing', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${site.origin}/churn.html`);
    const tabId = await tabIdOf(session, page);
    await waitFor(() => rowsOf(tabId), (rows) => rows.length >= 1);
    const start = Date.now();
    await new Promise((ok) => setTimeout(ok, 6_000));
    const rows = (await rowsOf(tabId)).map((row) => row.auditedAtMs as number);
    const elapsedSeconds = (Date.now() - start) / 1000;
    // Audits keep coming (the page is never stale for long), but never more than one per second or so.
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.length).toBeLessThanOrEqual(Math.ceil(elapsedSeconds) + 2);
    await page.close();
  });
});
