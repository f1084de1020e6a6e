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
import { AUDIT_SCHEMA } from '@/rules/types';

describe('toolbar badge', () => {
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

  async function badgeAfterVisiting(path: string) {
    const page = await session.browser.newPage();
    await page.goto(`${site.origin}/${path}`);
    const tabId = await tabIdOf(session, page);
    const badge = await waitFor(() => badgeOf(session, tabId), (b) => b.text !== '');
    return { page, tabId, badge };
  }

  it('shows a passing grade in green on a page with every disclosure, the ICP number linked to MIIT', async () => {
    const { badge, page } = await badgeAfterVisiting('compliant-home.html');
    expect(badge.text).toMatch(/^[A-D]$/);
    expect(badge.colour).toEqual(hexToRgba(VERDICT_COLOURS.pass));
    await page.close();
  });

  it('shows a failing grade in red on a marketplace page that discloses nothing', async () => {
    const { badge, page } = await badgeAfterVisiting('no-disclosures.html');
    expect(badge.text).toBe('F');
    expect(badge.colour).toEqual(hexToRgba(VERDICT_COLOURS.fail));
    await page.close();
  });

  it('marks a page that is not a marketplace page with a grey dash', async () => {
    const { badge, page } = await badgeAfterVisiting('article.html');
    expect(badge.text).toBe('–');
    expect(badge.colour).toEqual(hexToRgba(VERDICT_COLOURS.na));
    await page.close();
  });

  it("never shows the previous page's badge after the tab navigates", async () => {
    const { page, tabId, badge } = await badgeAfterVisiting('compliant-home.html');
    expect(badge.colour).toEqual(hexToRgba(VERDICT_COLOURS.pass));
    const seen: string[] = [];
    await page.goto(`${site.origin}/no-disclosures.html`);
    const after = await waitFor(
      async () => {
        const now = await badgeOf(session, tabId);
        seen.push(now.text);
        return now;
      },
      (b) => b.text === 'F',
    );
    expect(after.colour).toEqual(hexToRgba(VERDICT_COLOURS.fail));
    // Once the new page has loaded, the badge is either cleared or the new page's: never the old grade.
    expect(seen.every((text) => text === '' || text === 'F')).toBe(true);
    await page.close();
  });

  it('stores every audit with its page, grade and failed rules', async () => {
    const rows = await storedAudits(session);
    const byPage = (name: string) => rows.filter((row) => String(row.url).endsWith(name));
    expect(byPage('compliant-home.html').length).toBeGreaterThanOrEqual(2);
    const failing = byPage('no-disclosures.html')[0];
    expect(failing).toMatchObject({ host: '127.0.0.1', grade: 'F', verdict: 'fail' });
    expect(failing.failedRules).toContain('icp-number');
    expect((failing.result as { schema: string }).schema).toBe(AUDIT_SCHEMA);
  });
});
