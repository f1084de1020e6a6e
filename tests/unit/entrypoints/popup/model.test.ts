import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPopupModel, type PopupDeps } from '@/entrypoints/popup/model';
import { openPopupStorage } from '@/entrypoints/popup/storage';
import { LiangzhaoDatabase, toStoredAudit } from '@/storage/db';
import { DEFAULT_SETTINGS, loadSettings } from '@/storage/settings';
import type { Message } from '@/messaging/protocol';
import { audit } from '../../../support/fixtures';

let db: LiangzhaoDatabase;
let n = 0;
beforeEach(() => {
  db = new LiangzhaoDatabase(`popup-${n++}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

function deps(overrides: Partial<PopupDeps> = {}): PopupDeps {
  return {
    storage: Promise.resolve(openPopupStorage(db)),
    currentTab: async () => ({ id: 7, url: 'https://shop.example.cn/item/1' }),
    sendToTab: vi.fn(async (_tabId: number, message: Message) => {
      if (message.type === 'page:highlight') return { found: true, hidden: message.selector === '#hidden', reason: 'display-none' };
      return { result: audit({ pageType: message.type === 'page:audit' ? (message.pageType ?? 'shop') : 'shop' }), auditId: 1 };
    }) as PopupDeps['sendToTab'],
    writeStatus: async () => ({ pending: 0, dropped: 0, lastError: null }),
    evaluate: (facts, meta) => audit({ facts, pageType: meta.pageType, score: 12, grade: 'F' }),
    nowIso: () => '2026-11-28T12:00:00.000+08:00',
    ...overrides,
  };
}

const until = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true));

describe('popup model', () => {
  it('asks the tab for its audit and shows the site', async () => {
    const model = createPopupModel(deps());
    await model.load();
    expect(model.phase.value).toBe('ready');
    expect(model.result.value?.grade).toBe('C');
    expect(model.host.value).toBe('shop.example.cn');
    model.dispose();
  });

  it('shows the tab’s answer its entry asked for first, without asking again', async () => {
    const sendToTab = vi.fn() as unknown as PopupDeps['sendToTab'];
    const model = createPopupModel(deps({ sendToTab }));
    const state = { result: audit({ grade: 'B' }), auditId: 2 };
    await model.load({ tab: Promise.resolve({ id: 7, url: 'https://shop.example.cn/item/1' }), state: Promise.resolve(state) });
    expect(model.phase.value).toBe('ready');
    expect(model.result.value?.grade).toBe('B');
    expect(sendToTab).not.toHaveBeenCalled();
    // An answer asked for an unauditable tab is not waited for.
    const browserPage = createPopupModel(deps());
    await browserPage.load({ tab: Promise.resolve({ id: 1, url: 'chrome://settings/' }), state: new Promise(() => undefined) });
    expect(browserPage.phase.value).toBe('unsupported');
    model.dispose();
    browserPage.dispose();
  });

  it('draws from the first read (settings, history) before Dexie answers, then follows Dexie', async () => {
    const row = { ...toStoredAudit(audit({ title: 'read first' })), id: 99 } as never;
    const first = { settings: { ...DEFAULT_SETTINGS, locale: 'en' as const, pausedHosts: ['shop.example.cn'] }, history: [row] };
    const model = createPopupModel(deps({ first }));
    expect(model.locale.value).toBe('en');
    expect(model.history.value.map((r) => r.title)).toEqual(['read first']);
    // The database holds no settings and no audits: its answer replaces the first read.
    await until(() => model.history.value.length === 0 && model.locale.value === 'zh_CN');
    model.dispose();
  });

  it('says a browser page cannot be audited, and a page without the content script needs a reload', async () => {
    const browserPage = createPopupModel(deps({ currentTab: async () => ({ id: 1, url: 'chrome://settings/' }) }));
    await browserPage.load();
    expect(browserPage.phase.value).toBe('unsupported');
    const stale = createPopupModel(deps({ sendToTab: (async () => Promise.reject(new Error('Receiving end does not exist'))) as PopupDeps['sendToTab'] }));
    await stale.load();
    expect(stale.phase.value).toBe('no-script');
    browserPage.dispose();
    stale.dispose();
  });

  it('audits at once when the tab has no audit yet (a paused site)', async () => {
    const send = vi.fn(async (_tabId: number, message: Message) =>
      message.type === 'page:current' ? { result: null, auditId: null } : { result: audit(), auditId: 3 },
    );
    const model = createPopupModel(deps({ sendToTab: send as PopupDeps['sendToTab'] }));
    await model.load();
    expect(send.mock.calls.map(([, m]) => m.type)).toEqual(['page:current', 'page:audit']);
    expect(model.page.value?.auditId).toBe(3);
    model.dispose();
  });

  it('re-scores with a corrected page type, then has the tab audit as that type', async () => {
    let release!: () => void;
    const gate = new Promise<void>((ok) => (release = ok));
    const send = vi.fn(async (_tabId: number, message: Message) => {
      if (message.type === 'page:audit') await gate;
      return { result: audit({ pageType: message.type === 'page:audit' ? (message.pageType ?? 'shop') : 'shop', score: 95 }), auditId: 2 };
    });
    const model = createPopupModel(deps({ sendToTab: send as PopupDeps['sendToTab'] }));
    await model.load();
    const pending = model.changePageType('platform-home');
    expect(model.result.value).toMatchObject({ pageType: 'platform-home', score: 12 });
    expect(model.auditing.value).toBe(true);
    expect(model.rescoredAs.value).toBe('platform-home');
    release();
    await pending;
    expect(model.rescoredAs.value).toBeNull();
    expect(send).toHaveBeenLastCalledWith(7, { type: 'page:audit', pageType: 'platform-home' });
    expect(model.result.value).toMatchObject({ pageType: 'platform-home', score: 95 });
    model.dispose();
  });

  it('remembers a corrected page type for the page, for its host, or not at all, and forgets it on request', async () => {
    const send = vi.fn(async (_tabId: number, message: Message) => ({
      result: audit({ pageType: message.type === 'page:audit' ? (message.pageType ?? 'shop') : 'shop' }),
      auditId: 2,
    }));
    const model = createPopupModel(deps({ sendToTab: send as PopupDeps['sendToTab'] }));
    await model.load();
    await model.changePageType('product');
    expect((await loadSettings(db)).pageTypeOverrides).toEqual([{ pattern: 'shop.example.cn/item/1', pageType: 'product' }]);
    await until(() => model.override.value?.pageType === 'product');

    model.rememberScope.value = 'host';
    await model.changePageType('shop');
    expect((await loadSettings(db)).pageTypeOverrides).toContainEqual({ pattern: 'shop.example.cn/*', pageType: 'shop' });
    // The page's own correction is the more specific pattern: it still decides this page.
    await until(() => model.override.value?.pattern === 'shop.example.cn/item/1');

    await model.forgetOverride();
    expect(send).toHaveBeenLastCalledWith(7, { type: 'page:audit', pageType: null });
    await until(() => model.override.value?.pattern === 'shop.example.cn/*');

    model.rememberScope.value = 'none';
    await model.changePageType('terms');
    expect((await loadSettings(db)).pageTypeOverrides).toEqual([{ pattern: 'shop.example.cn/*', pageType: 'shop' }]);
    model.dispose();
  });

  it('reports whether evidence was outlined or is hidden', async () => {
    const model = createPopupModel(deps());
    await model.load();
    await model.showOnPage('a', { selector: '#shown', text: 'x', href: null, visible: true }, 'label');
    await model.showOnPage('b', { selector: '#hidden', text: 'x', href: null, visible: false }, 'label');
    expect(model.highlights.value).toEqual({ a: { state: 'shown' }, b: { state: 'hidden', reason: 'display-none' } });
    model.dispose();
  });

  it('pauses the site, and follows stored history and settings live', async () => {
    const model = createPopupModel(deps());
    await model.load();
    await model.setPaused(true);
    expect((await loadSettings(db)).pausedHosts).toEqual(['shop.example.cn']);
    await until(() => model.paused.value);
    await db.audits.add(toStoredAudit(audit({ title: 'live' })));
    await until(() => model.history.value[0]?.title === 'live');
    model.dispose();
  });

  it('badges the tab as paused when pausing, and audits it again when resuming', async () => {
    const badgePaused = vi.fn(async () => ({ paused: true }));
    const sendToTab = deps().sendToTab as ReturnType<typeof vi.fn>;
    const model = createPopupModel(deps({ badgePaused, sendToTab: sendToTab as PopupDeps['sendToTab'] }));
    await model.load();
    await model.setPaused(true);
    expect(badgePaused).toHaveBeenCalledWith(7, 'shop.example.cn');
    const audits = () => sendToTab.mock.calls.filter(([, message]) => (message as Message).type === 'page:audit').length;
    const before = audits();
    await model.setPaused(false);
    expect(audits()).toBe(before + 1);
    expect(badgePaused).toHaveBeenCalledTimes(1);
    model.dispose();
  });
});
