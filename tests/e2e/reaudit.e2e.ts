import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgeOf,
  hexToRgba,
  browseFixtures,
  storedAudits,
  tabIdOf,
  waitFor,
  type ExtensionSession,
  type FixtureBrowsing,
} from './harness';
import { VERDICT_COLOURS } from '@/components/verdict-colours';

describe('re-audit', () => {
  let session: ExtensionSession;
  let site: FixtureBrowsing['site'];
  let browsing: FixtureBrowsing | undefined;

  beforeAll(async () => {
    browsing = await browseFixtures();
    ({ session, site } = browsing);
  });
  afterAll(async () => {
    await browsing?.close();
  });

  const rowsOf = async (tabId: number) => (await storedAudits(session)).filter((row) => row.tabId === tabId);

  it('updates the badge when the footer arrives after load', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${site.origin}/late-footer.html`);
    const tabId = await tabIdOf(session, page);
    const first = await waitFor(() => badgeOf(session, tabId), (badge) => badge.text !== '');
    expect(first.colour).toEqual(hexToRgba(VERDICT_COLOURS.fail));
    // The badge's text and colour are set by two calls and read by two: wait until both say the new verdict, or a
    // read between the two writes sees the new colour beside the old grade.
    const later = await waitFor(
      () => badgeOf(session, tabId),
      (badge) => badge.colour.join() === hexToRgba(VERDICT_COLOURS.pass).join() && /^[A-D]$/.test(badge.text),
    );
    expect(later.colour).toEqual(hexToRgba(VERDICT_COLOURS.pass));
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

    // A page type a person chose holds for that route only: the next route is classified afresh.
    await session.worker.evaluate((id: number) => chrome.tabs.sendMessage(id, { type: 'page:audit', pageType: 'terms' }), tabId);
    await waitFor(() => rowsOf(tabId), (rows) => rows.some((row) => row.pageType === 'terms'));
    await page.evaluate(() => (window as unknown as { go: (p: string, h: string) => void }).go('/spa/item/43', '<p>另一件商品</p>'));
    const [next] = (await waitFor(
      async () => (await rowsOf(tabId)).filter((row) => String(row.url).endsWith('/spa/item/43')),
      (rows) => rows.length > 0,
    )) as Array<{ pageType: string; result: { detectedPageType: string } }>;
    expect(next.pageType).toBe(next.result.detectedPageType);
    await page.close();
  });

  it('costs at most about one audit per second on a page that never stops changing', async () => {
    // Count the audits the content script reports (identical re-audits are not stored again, so rows undercount).
    await session.worker.evaluate(() => {
      const reports: Array<{ tabId?: number; at: number }> = [];
      (self as unknown as { reports: typeof reports }).reports = reports;
      chrome.runtime.onMessage.addListener((message: { type?: string }, sender) => {
        if (message?.type === 'audit:report') reports.push({ tabId: sender.tab?.id, at: Date.now() });
        return undefined;
      });
    });
    const page = await session.browser.newPage();
    await page.goto(`${site.origin}/churn.html`);
    const tabId = await tabIdOf(session, page);
    const reportsOf = () =>
      session.worker.evaluate(
        (id: number) => (self as unknown as { reports: Array<{ tabId?: number; at: number }> }).reports.filter((r) => r.tabId === id).map((r) => r.at),
        tabId,
      );
    // Audits keep coming (the page is never stale for long): wait for six, however long a loaded machine takes.
    const times = await waitFor(reportsOf, (reported) => reported.length >= 6, 60_000);
    const seconds = (times.at(-1)! - times[0]) / 1000;
    // But never more than one per second or so. Reports arrive when each audit ends, and audits start a second apart:
    // the span between reports is that, give or take the difference between the first and the last audit's length,
    // which a loaded machine stretches. So the count is checked over six reports, not the mean gap over a few.
    expect(times.length).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
    // And never two in a row: back to back, the gap would be one audit's length (tens of ms); the page itself
    // changes every 50 ms.
    const gaps = times.slice(1).map((at, i) => at - times[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(300);
    expect((await rowsOf(tabId)).length).toBeGreaterThanOrEqual(1);
    await page.close();
  });
});
