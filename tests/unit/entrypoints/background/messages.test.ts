import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRouter } from '@/entrypoints/background/router';
import { answer } from '@/messaging/protocol';
import { LiangzhaoDatabase, toStoredAudit } from '@/storage/db';
import { createAuditWriter } from '@/storage/audit-writer';
import { saveSetting, setHostPaused, setPageTypeOverride } from '@/storage/settings';
import { audit } from '../../../support/fixtures';
import { collectedPage } from '../../../support/audit';

let db: LiangzhaoDatabase;
let n = 0;
beforeEach(() => {
  db = new LiangzhaoDatabase(`background-messages-${n++}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await Dexie.delete(db.name);
});

describe('background answers for settings and storage', () => {
  it('tells the content script whether it may audit a page on its own', async () => {
    const route = answer(createRouter(db));
    const ask = (url: string) => route({ type: 'settings:auto-audit', url }, {});
    expect(await ask('https://a.example.cn/x')).toEqual({ allowed: true });
    await setHostPaused(db, 'a.example.cn', true);
    expect(await ask('https://a.example.cn/x')).toEqual({ allowed: false });
    expect(await ask('https://b.example.cn/')).toEqual({ allowed: true });
    await saveSetting(db, 'autoAudit', false);
    expect(await ask('https://b.example.cn/')).toEqual({ allowed: false });
  });

  it('tells the content script the page type a person set for pages like this one', async () => {
    const route = answer(createRouter(db));
    const ask = (url: string) => route({ type: 'settings:auto-audit', url }, {});
    await setPageTypeOverride(db, 'item.example.cn/*', 'product');
    expect(await ask('https://item.example.cn/1.html')).toEqual({ allowed: true, pageType: 'product' });
    expect(await ask('https://www.example.cn/')).toEqual({ allowed: true });
  });

  it('reports unsaved audits to the popup, and keeps a refused one for the retry', async () => {
    const writer = createAuditWriter(db, { baseDelayMs: 60_000 });
    const route = answer(createRouter(db, writer));
    vi.spyOn(db.audits, 'add').mockRejectedValueOnce(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' }));
    const reply = await route({ type: 'audit:report', page: collectedPage() }, { tab: { id: 1 } as never, frameId: 0 });
    expect(reply).toMatchObject({ auditId: null, error: 'QuotaExceededError: disk full' });
    expect(await route({ type: 'storage:status' }, {})).toEqual({
      pending: 1,
      dropped: 0,
      lastError: 'QuotaExceededError: disk full',
    });
    await writer.flush();
    expect(await db.audits.count()).toBe(1);
    expect(await route({ type: 'storage:status' }, {})).toEqual({ pending: 0, dropped: 0, lastError: null });
  });

  it('applies the retention setting after a stored audit', async () => {
    await saveSetting(db, 'retention', { keepDays: null, keepCount: 2 });
    await db.audits.bulkAdd([1, 2, 3].map((h) => toStoredAudit(audit({ auditedAt: `2026-11-2${h}T10:00:00+08:00` }))));
    const route = answer(createRouter(db));
    await route({ type: 'audit:report', page: collectedPage({ auditedAt: '2026-11-28T10:00:00+08:00' }) }, {});
    await vi.waitFor(async () => expect(await db.audits.count()).toBe(2));
  });
});
