import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background, { RETRY_WRITES_ALARM } from '@/entrypoints/background';
import { LiangzhaoDatabase, toStoredAudit } from '@/storage/db';
import { auditResult, collectedPage } from '../../../support/audit';
import { useCallbackOnlyMessaging } from '../../support/callback-messaging';

/** The worker as it starts: WXT's fake browser has no manifest and no commands, which the capture handler uses. */
function startWorker() {
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0' } as never);
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
  const onMessage = useCallbackOnlyMessaging();
  background.main();
  return onMessage;
}

afterEach(async () => {
  vi.restoreAllMocks();
  await new LiangzhaoDatabase().delete();
});

describe('background entrypoint', () => {
  it('badges a tab from its content script report, and clears it when the tab navigates', async () => {
    const onMessage = startWorker();
    await onMessage.dispatch({ type: 'audit:report', page: collectedPage({ pageType: 'product' }) }, { tab: { id: 11 }, frameId: 0 });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 11 })).toBe('A');

    await fakeBrowser.tabs.onUpdated.trigger(11, { status: 'loading' }, { id: 11 } as never);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 11 })).toBe(''));
  });

  it('titles the cleared badge in the chosen language', async () => {
    const onMessage = startWorker();
    await new LiangzhaoDatabase().settings.put({ key: 'locale', value: 'en' });
    await onMessage.dispatch({ type: 'audit:report', page: collectedPage({ pageType: 'product' }) }, { tab: { id: 12 }, frameId: 0 });
    await fakeBrowser.tabs.onUpdated.trigger(12, { status: 'loading' }, { id: 12 } as never);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getTitle({ tabId: 12 })).toBe("Liangzhao: this page's disclosure audit"));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 12 })).toBe('');
  });

  it('writes the audits a stopped worker left in extension storage when it starts again', async () => {
    const left = toStoredAudit(auditResult({ url: 'https://shop.example.cn/left' }), 4);
    await fakeBrowser.storage.local.set({ 'liangzhao.pendingAudits': [left] });
    startWorker();
    const db = new LiangzhaoDatabase();
    await vi.waitFor(async () => expect(await db.audits.count()).toBe(1));
    expect(await fakeBrowser.storage.local.get('liangzhao.pendingAudits')).toEqual({ 'liangzhao.pendingAudits': [] });
  });

  it('sets an alarm for a refused write and writes it when the alarm fires', async () => {
    const onMessage = startWorker();
    const db = new LiangzhaoDatabase();
    // The worker's own database refuses the first write, as a full disk does.
    const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementationOnce(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const reply = await onMessage.dispatch({ type: 'audit:report', page: collectedPage({ pageType: 'product' }) }, { tab: { id: 2 }, frameId: 0 });
    expect(reply).toMatchObject({ auditId: null, error: expect.stringContaining('QuotaExceededError') });
    const alarm = await fakeBrowser.alarms.get(RETRY_WRITES_ALARM);
    expect(alarm).toBeDefined();
    add.mockRestore();
    await fakeBrowser.alarms.onAlarm.trigger(alarm!);
    await vi.waitFor(async () => expect(await db.audits.count()).toBe(1));
  });
});
