/**
 * Terms versions end to end: a terms page is visited, then a changed version is served at the same URL; the
 * popup and the dashboard show the change with the notice judgement, for a change published seven days ahead
 * (pass), two days ahead (fail) and one stating no effective date (review).
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, storedAudits, tabIdOf, waitFor, type ExtensionSession } from './harness';
import { openDashboard, openPopup } from './ui-helpers';
import { termsHtml, type TermsFixture } from '../support/terms';

const SHOTS = '.tmp/screenshots';

/** Serves, at /<case>/agreement, whichever version the test has set for that case. */
async function serveVersions(): Promise<{ origin: string; serve: (path: string, fixture: TermsFixture) => void; close: () => Promise<void> }> {
  const served = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const html = served.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (html === undefined) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    serve: (path, fixture) => served.set(path, termsHtml(fixture)),
    // Chromium keeps connections alive (and a batch page may never stop asking): close them, or close() waits.
    close: () => new Promise<void>((ok) => { server.close(() => ok()); server.closeAllConnections(); }),
  };
}

interface StoredRow {
  url: string;
  tabId?: number;
  result: { results: Array<{ ruleId: string; status: string; messageKey: string }> };
}

const CASES: Array<{ name: string; fixture: TermsFixture; status: 'pass' | 'fail' | 'review'; popupText: string }> = [
  { name: 'pass', fixture: 'agreement-v2-pass', status: 'pass', popupText: '提前7日公示' },
  { name: 'fail', fixture: 'agreement-v2-fail', status: 'fail', popupText: '仅提前2日' },
  { name: 'review', fixture: 'agreement-v2-review', status: 'review', popupText: '未写明生效日期' },
];

describe('terms versions in Chromium', () => {
  let session: ExtensionSession;
  let site: Awaited<ReturnType<typeof serveVersions>>;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    site = await serveVersions();
    session = await launchWithExtension();
  });
  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  for (const { name, fixture, status, popupText } of CASES) {
    it(`shows a change judged ${status} in the popup and the dashboard`, async () => {
      const path = `/${name}/agreement`;
      const url = `${site.origin}${path}`;
      const rowsOf = async () => ((await storedAudits(session)) as unknown as StoredRow[]).filter((row) => row.url === url);
      site.serve(path, 'agreement-v1');
      const page = await session.browser.newPage();
      await page.goto(url);
      const tabId = await tabIdOf(session, page);
      await waitFor(rowsOf, (rows) => rows.length === 1);

      site.serve(path, fixture);
      await page.goto(url);
      const rows = await waitFor(rowsOf, (found) => found.length === 2);
      const notice = rows.at(-1)!.result.results.find((result) => result.ruleId === 'terms-change-notice')!;
      expect(notice.status).toBe(status);
      expect(notice.messageKey).toMatch(new RegExp(`^rule_terms_change_notice_changed_${status}`));

      const { popup, dialogs } = await openPopup(session, tabId);
      await popup.waitForSelector('[data-testid="terms-change"]');
      const change = await popup.$eval('[data-testid="terms-change"]', (el) => el.textContent ?? '');
      expect(change).toContain('与上次见到的版本');
      expect(change).toContain('新增 1 条、删除 0 条、修改 3 条');
      expect(await popup.$eval('[data-testid="terms-notice"]', (el) => el.getAttribute('data-status'))).toBe(status);
      await waitFor(() => popup.evaluate(() => document.body.innerText), (text) => text.includes(popupText));
      const href = await popup.$eval('[data-testid="terms-diff-link"]', (el) => el.getAttribute('href') ?? '');
      expect(decodeURIComponent(href)).toContain(`#terms=${url}`);
      await popup.screenshot({ path: `${SHOTS}/terms-popup-${name}.png`, fullPage: true });
      await popup.close();

      const { dashboard } = await openDashboard(session);
      await dashboard.goto(href);
      await dashboard.reload();
      await dashboard.waitForSelector('[data-testid="terms-view-notice"]');
      expect(await dashboard.$eval('[data-testid="terms-view-notice"]', (el) => el.getAttribute('data-status'))).toBe(status);
      const kinds = await dashboard.$$eval('[data-testid="terms-diff"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-kind')));
      expect(kinds.sort()).toEqual(['added', 'changed', 'changed', 'changed']);
      const marked = await dashboard.$$eval('[data-testid="terms-diff"] ins', (els) => els.map((el) => el.textContent));
      expect(marked).toContain('因您保管不善造成的损失由您自行承担。');
      expect(await dashboard.$$eval('[data-testid="terms-timeline"] li', (lis) => lis.length)).toBe(2);
      await dashboard.screenshot({ path: `${SHOTS}/terms-dashboard-${name}.png`, fullPage: true });
      await dashboard.close();
      await page.close();
      expect(dialogs).toEqual([]);
    }, 60_000);
  }
});
