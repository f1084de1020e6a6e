import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { PAUSED_BADGE_TEXT } from '@/entrypoints/background/badge';
import { badgeOf, browseFixtures, storedAudits, tabIdOf, waitFor, type ExtensionSession, type FixtureBrowsing } from './harness';
import { axeViolations, choose, openAudited, openPopup, textOf } from './ui-helpers';

const MARKUP = '<img src=x onerror=alert(1)>';

/** The types of the messages the page at `url` sends the worker from now on, in order. */
async function recordMessagesFrom(session: ExtensionSession, url: string): Promise<() => Promise<string[]>> {
  await session.worker.evaluate((pageUrl: string) => {
    const seen: string[] = [];
    (globalThis as { messagesFromPage?: string[] }).messagesFromPage = seen;
    chrome.runtime.onMessage.addListener((message: { type: string }, sender) => {
      if (sender.url === pageUrl) seen.push(message.type);
    });
  }, url);
  return () => session.worker.evaluate(() => [...((globalThis as { messagesFromPage?: string[] }).messagesFromPage ?? [])]);
}

/** What the tab's content script holds as its latest audit. */
async function reportedBy(session: ExtensionSession, tabId: number): Promise<unknown> {
  return session.worker.evaluate((id: number) => chrome.tabs.sendMessage(id, { type: 'page:current' }, { frameId: 0 }), tabId);
}

describe('popup', () => {
  let session: ExtensionSession;
  let site: FixtureBrowsing['site'];
  let browsing: FixtureBrowsing | undefined;
  let shop: { page: Page; tabId: number };
  let popup: Page;
  let dialogs: string[];

  beforeAll(async () => {
    browsing = await browseFixtures();
    ({ session, site } = browsing);
    shop = await openAudited(session, `${site.origin}/untrusted-home.html`);
    ({ popup, dialogs } = await openPopup(session, shop.tabId));
    await popup.waitForSelector('.checklist');
  });
  afterAll(async () => {
    await browsing?.close();
  });

  const ruleLine = (ruleId: string) => `li.rule[data-rule="${ruleId}"]`;

  it("shows the tab's grade, score, page type and site", async () => {
    expect(await popup.$eval('.page-header .grade__letter', (el) => el.textContent)).toBe('F');
    expect(await textOf(popup, '[data-testid="score"]')).toMatch(/\d+\/100/);
    expect(await textOf(popup, '[data-testid="site"]')).toBe('127.0.0.1');
    expect(await popup.$eval('select', (el) => (el as HTMLSelectElement).value)).toBe('platform-home');
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });

  it('lists the checklist by group, failures first, each line with its explanation and article', async () => {
    const groups = await popup.$$eval('.checklist__group', (sections) =>
      sections.map((s) => s.querySelector('h3 .status')!.className),
    );
    const ranks = groups.map((c) => ['fail', 'error', 'review', 'pass'].findIndex((s) => c.includes(`status--${s}`)));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks[0]).toBe(0);
    const icp = await textOf(popup, ruleLine('icp-number'));
    expect(icp).toContain('ICP 备案或许可证号');
    expect(icp).toContain('《网络交易平台合同格式条款规范指引》第八条第（二）项');
    expect(icp).toContain('京ICP备11041704号-1');
    const licence = await textOf(popup, ruleLine('business-licence'));
    expect(licence).toContain('《中华人民共和国电子商务法》第十五条');
    const psb = await textOf(popup, ruleLine('psb-filing'));
    expect(psb).toContain('不符合');
    expect(psb).toContain('公安备案号只出现在隐藏内容中');
  });

  it('says it in plain Chinese for a shopper', async () => {
    const verdict = await textOf(popup, '[data-testid="consumer-verdict"]');
    // What is missing first, then what is shown.
    expect(verdict).toMatch(/^.*这个平台没有.*，但公示了.*营业执照/);
  });

  it('shows page text that contains markup as text and runs none of it', async () => {
    const contact = await textOf(popup, ruleLine('contact-details'));
    expect(contact).toContain(MARKUP);
    const history = await textOf(popup, '.history');
    expect(history).toContain(MARKUP);
    expect(await popup.$$eval('img', (images) => images.length)).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('outlines a finding on the page, and says when evidence is hidden and why', async () => {
    await popup.click(`${ruleLine('icp-number')} .rule__evidence button`);
    await popup.waitForFunction(
      (s) => document.querySelector(s)?.textContent?.includes('已在页面上标出'),
      {},
      `${ruleLine('icp-number')} .evidence__outcome`,
    );
    const placement = await shop.page.evaluate(() => {
      const host = document.querySelector('[data-liangzhao-overlay]')!;
      const box = host.shadowRoot!.querySelector('.box')!.getBoundingClientRect();
      const labelElement = host.shadowRoot!.querySelector('.label')!;
      const label = labelElement.textContent;
      const at = labelElement.getBoundingClientRect();
      const target = document.getElementById('icp')!.getBoundingClientRect();
      return {
        covers: box.left <= target.left && box.right >= target.right && box.top <= target.top && box.bottom >= target.bottom,
        label,
        outlined: getComputedStyle(host.shadowRoot!.querySelector('.box')!).borderTopStyle,
        // One line, beside the outline and not over the element, inside the viewport.
        oneLine: at.height < 2 * Number.parseFloat(getComputedStyle(labelElement).lineHeight),
        wide: at.width > 4 * at.height,
        apart: at.bottom <= box.top || at.top >= box.bottom,
        onScreen: at.left >= 0 && at.top >= 0 && at.right <= innerWidth && at.bottom <= innerHeight,
      };
    });
    expect(placement).toEqual({
      covers: true,
      label: '亮照：ICP 备案或许可证号',
      outlined: 'solid',
      oneLine: true,
      wide: true,
      apart: true,
      onScreen: true,
    });

    await popup.click(`${ruleLine('psb-filing')} .rule__evidence button`);
    await popup.waitForFunction(
      (s) => document.querySelector(s)?.textContent?.includes('隐藏'),
      {},
      `${ruleLine('psb-filing')} .evidence__outcome`,
    );
    expect(await textOf(popup, `${ruleLine('psb-filing')} .evidence__outcome`)).toContain('display:none');
    const label = await shop.page.evaluate(
      () => document.querySelector('[data-liangzhao-overlay]')!.shadowRoot!.querySelector('.label')!.textContent,
    );
    expect(label).toContain('隐藏');
  });

  it('re-scores when a person corrects the page type, and audits the page as that type', async () => {
    await choose(popup, '.controls select', 'shop');
    await popup.waitForFunction(() => document.querySelector('li.rule[data-rule="shop-seller-identity"]:not(.rule--na)'));
    expect(await popup.$eval('.controls select', (el) => (el as HTMLSelectElement).value)).toBe('shop');
    // At once a local re-score says so; once the tab has audited again, the detected type is shown beside the choice.
    await popup.waitForFunction(() => document.querySelector('.controls')?.textContent?.includes('自动识别为平台首页'));
    const rows = await waitFor(
      () => storedAudits(session),
      (all) => all.some((row) => row.tabId === shop.tabId && row.pageType === 'shop'),
    );
    expect(rows.find((row) => row.pageType === 'shop')!.result).toMatchObject({ detectedPageType: 'platform-home' });
  });

  it('has no accessibility violations', async () => {
    expect(await axeViolations(popup)).toEqual([]);
  });

  it('pauses automatic audits for the site; the popup still audits when asked', async () => {
    await popup.bringToFront();
    await popup.click('.switch input');
    await popup.waitForFunction(() => document.body.textContent?.includes('此网站已暂停自动核查'), { timeout: 5_000 });
    // The tab the popup speaks for says at once that its site is paused.
    expect((await waitFor(() => badgeOf(session, shop.tabId), (b) => b.text === PAUSED_BADGE_TEXT)).text).toBe(PAUSED_BADGE_TEXT);
    const url = `${site.origin}/no-disclosures.html`;
    const asked = await recordMessagesFrom(session, url);
    const paused = await session.browser.newPage();
    await paused.goto(url);
    // The tab's content script asks whether it may audit; told no, it reports nothing until the popup asks.
    await waitFor(asked, (types) => types.includes('settings:auto-audit'));
    const tabId = await tabIdOf(session, paused);
    expect(await reportedBy(session, tabId)).toMatchObject({ result: null });

    const { popup: pausedPopup } = await openPopup(session, tabId);
    await pausedPopup.waitForSelector('.checklist');
    expect(await pausedPopup.$eval('.switch input', (el) => (el as HTMLInputElement).checked)).toBe(true);
    await waitFor(() => storedAudits(session), (rows) => rows.some((row) => row.url === url));
    expect(await asked()).toEqual(['settings:auto-audit', 'audit:report']);

    await pausedPopup.click('.switch input');
    await pausedPopup.waitForFunction(() => !document.body.textContent?.includes('此网站已暂停自动核查'), { timeout: 5_000 });
    await pausedPopup.close();
    await paused.close();
  });

  it('says plainly when the tab cannot be audited', async () => {
    const blank = await session.browser.newPage();
    await blank.goto('about:blank');
    const tabId = await session.worker.evaluate(async () => (await chrome.tabs.query({ url: 'about:blank' }))[0]?.id);
    const { popup: other } = await openPopup(session, tabId!);
    await other.waitForSelector('[data-state="unsupported"]');
    expect(await textOf(other, '[data-state="unsupported"] h2')).toBe('此页面无法核查');
    expect(await textOf(other, 'button.primary')).toBeNull();
    expect(await axeViolations(other)).toEqual([]);
    await other.close();
    await blank.close();
  });
});
