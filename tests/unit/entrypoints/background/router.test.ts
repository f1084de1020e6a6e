import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter } from '@/entrypoints/background/router';
import { answer } from '@/messaging/protocol';
import { VERDICT_COLOURS } from '@/components/verdict-colours';
import { PAUSED_BADGE_TEXT } from '@/entrypoints/background/badge';
import { LiangzhaoDatabase } from '@/storage/db';
import { judgePage } from '@/rules';
import { collectedPage } from '../../../support/audit';

/** Judged as a shop, a page that shows nothing misses the seller's identity alone: grade D, score 69. */
const failing = collectedPage({ url: 'https://shop.example.cn/item/1', pageType: 'shop' });

describe('background router', () => {
  let db: LiangzhaoDatabase;
  let route: ReturnType<typeof answer>;

  beforeEach(async () => {
    db = new LiangzhaoDatabase(`router-${Math.random()}`);
    route = answer(createRouter(db));
  });

  it('judges a reported page, stores the audit with its indexed fields, badges the tab and answers the judgement', async () => {
    const reply = await route({ type: 'audit:report', page: failing }, { tab: { id: 7 } as never, frameId: 0 });
    const { facts, ...judgement } = judgePage(failing);
    expect(reply).toEqual({ auditId: 1, judgement });
    const [row] = await db.audits.toArray();
    expect(row).toMatchObject({ host: 'shop.example.cn', grade: 'D', failedRules: ['shop-seller-identity'], tabId: 7 });
    expect(row.result).toEqual({ ...judgement, facts });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('D');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 7 })).toEqual([185, 28, 28, 255]);
    expect(VERDICT_COLOURS.fail).toBe('#b91c1c');
  });

  it('marks a page that is not a marketplace page with a dash in grey', async () => {
    await route({ type: 'audit:report', page: collectedPage() }, { tab: { id: 3 } as never });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('–');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 3 })).toEqual([107, 114, 128, 255]);
  });

  it('does not let a subframe or a cached document badge the tab', async () => {
    await route({ type: 'audit:report', page: failing }, { tab: { id: 4 } as never, frameId: 2 });
    await route({ type: 'audit:report', page: failing }, {
      tab: { id: 5 } as never,
      frameId: 0,
      documentLifecycle: 'cached',
    } as never);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBeFalsy();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBeFalsy();
    expect(await db.audits.count()).toBe(2);
  });

  it("titles the badge in the person's chosen language", async () => {
    await db.settings.put({ key: 'locale', value: 'en' });
    await route({ type: 'audit:report', page: failing }, { tab: { id: 8 } as never, frameId: 0 });
    expect(await fakeBrowser.action.getTitle({ tabId: 8 })).toBe('Liangzhao: grade D, score 69, 1 not met');
  });

  it("says on the badge, in the chosen language, that a paused site's page is not audited automatically", async () => {
    await db.settings.put({ key: 'locale', value: 'en' });
    await db.settings.put({ key: 'pausedHosts', value: ['shop.example.cn'] });
    const reply = await route({ type: 'settings:auto-audit', url: 'https://shop.example.cn/item/1' }, { tab: { id: 21 } as never, frameId: 0 });
    expect(reply).toEqual({ allowed: false });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 21 })).toBe(PAUSED_BADGE_TEXT);
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 21 })).toEqual([107, 114, 128, 255]);
    expect(await fakeBrowser.action.getTitle({ tabId: 21 })).toBe('Liangzhao: automatic audits are paused on this site');
  });

  it('badges a tab paused from the popup, and answers only the extension’s own pages', async () => {
    await db.settings.put({ key: 'pausedHosts', value: ['shop.example.cn'] });
    const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    expect(await route({ type: 'settings:paused', tabId: 23, host: 'shop.example.cn' }, popup)).toEqual({ paused: true });
    expect(await route({ type: 'settings:paused', tabId: 25, host: 'other.example.cn' }, popup)).toEqual({ paused: false });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 25 })).toBeFalsy();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 23 })).toBe(PAUSED_BADGE_TEXT);
    const page = { id: fakeBrowser.runtime.id, url: 'https://shop.example.cn/item/2', tab: { id: 24 } as never };
    expect(route({ type: 'settings:paused', tabId: 24, host: 'shop.example.cn' }, page)).toBeUndefined();
  });

  it('leaves the badge of a site that is not paused to its audit', async () => {
    const reply = await route({ type: 'settings:auto-audit', url: 'https://shop.example.cn/item/1' }, { tab: { id: 22 } as never, frameId: 0 });
    expect(reply).toEqual({ allowed: true });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 22 })).toBeFalsy();
  });

  it('refuses a report whose page is not what a content script collects, storing and badging nothing', async () => {
    const broken = [
      null,
      { ...failing, schema: 'liangzhao.page/0' },
      { ...failing, facts: { ...failing.facts, icp: 'none' } },
      { ...failing, facts: { ...failing.facts, icp: [{ selector: 'p', text: '京ICP备1号' }] } },
      { ...failing, facts: { ...failing.facts, signals: { ...failing.facts.signals, features: { priceCount: 'many' } } } },
      { ...failing, facts: { ...failing.facts, termsDocument: { canonicalUrl: 'x', kind: 'agreement', clauses: {}, dates: {}, digest: '' } } },
      { ...failing, pageType: 'casino' },
    ];
    const refusals = await Promise.all(
      broken.map((page) => (route({ type: 'audit:report', page } as never, { tab: { id: 30 } as never, frameId: 0 }) as Promise<unknown>).catch(String)),
    );
    expect(refusals).toEqual([
      'Error: malformed report: page',
      'Error: malformed report: page.schema: "liangzhao.page/0"',
      'Error: malformed report: page.facts.icp',
      'Error: malformed report: page.facts.icp[0].href',
      'Error: malformed report: page.facts.signals.features.priceCount',
      'Error: malformed report: page.facts.termsDocument.clauses',
      'Error: malformed report: page.pageType',
    ]);
    expect(await db.audits.count()).toBe(0);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 30 })).toBeFalsy();
    // The next report is judged as ever.
    expect(await route({ type: 'audit:report', page: failing }, { tab: { id: 30 } as never, frameId: 0 })).toMatchObject({ auditId: 1 });
  });

  it('asks for the text of a page it types as terms, reported without it, and judges, stores and badges nothing yet', async () => {
    const terms = collectedPage({ pageType: 'terms' });
    expect(await route({ type: 'audit:report', page: terms }, { tab: { id: 31 } as never, frameId: 0 })).toEqual({ termsTextWanted: true });
    expect(await db.audits.count()).toBe(0);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 31 })).toBeFalsy();
  });

  it('leaves messages it does not handle to other listeners', () => {
    expect(route({ type: 'page:current' }, {})).toBeUndefined();
    expect(route('not a message', {})).toBeUndefined();
  });

  it('reports a failed write instead of losing it silently', async () => {
    db.close();
    await db.delete();
    const broken = new LiangzhaoDatabase('router-broken');
    broken.audits.add = () => Promise.reject(new Error('QuotaExceededError')) as never;
    const reply = await answer(createRouter(broken))({ type: 'audit:report', page: failing }, { tab: { id: 9 } as never });
    expect(reply).toMatchObject({ auditId: null, error: 'QuotaExceededError', judgement: { grade: 'D' } });
  });
});
