import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiangzhaoDatabase, toStoredAudit, type StoredAudit } from '@/storage/db';
import { createAuditWriter, memoryStore } from '@/storage/audit-writer';
import { audit } from '../../support/fixtures';

let db: LiangzhaoDatabase;
let n = 0;

function quotaError() {
  return Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
}

function storedAt(ms: number, score = 70, tabId = 1) {
  return toStoredAudit(audit({ auditedAt: new Date(ms).toISOString(), score }), tabId);
}

beforeEach(() => {
  db = new LiangzhaoDatabase(`writer-${n++}`);
});
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  db.close();
  await Dexie.delete(db.name);
});

describe('audit writer', () => {
  it('stores an audit and reports nothing pending', async () => {
    const writer = createAuditWriter(db);
    const reply = await writer.save(storedAt(1_000));
    expect(reply.auditId).toBeTypeOf('number');
    expect(writer.status()).toEqual({ pending: 0, dropped: 0, lastError: null });
  });

  it('keeps a refused write, says why, retries with backoff and then stores it in order', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const store = memoryStore();
    const writer = createAuditWriter(db, { store, baseDelayMs: 100 });
    const add = vi.spyOn(db.audits, 'add');
    add.mockRejectedValueOnce(quotaError()).mockRejectedValueOnce(quotaError());

    const first = await writer.save(storedAt(1_000, 50));
    expect(first).toEqual({ auditId: null, error: 'QuotaExceededError: The quota has been exceeded.' });
    const second = await writer.save(storedAt(2_000, 60));
    expect(second.auditId).toBeNull();
    expect(writer.status()).toMatchObject({ pending: 2, lastError: expect.stringContaining('QuotaExceeded') });
    expect(await store.load()).toHaveLength(2);

    await vi.advanceTimersByTimeAsync(100); // first retry fails again
    await writer.idle();
    expect(writer.status().pending).toBe(2);
    await vi.advanceTimersByTimeAsync(199);
    expect(await db.audits.count()).toBe(0);
    await vi.advanceTimersByTimeAsync(1); // the second retry waits twice as long, then succeeds
    await writer.idle();
    expect((await db.audits.orderBy('id').toArray()).map((a) => a.score)).toEqual([50, 60]);
    expect(writer.status()).toEqual({ pending: 0, dropped: 0, lastError: null });
    expect(await store.load()).toHaveLength(0);
  });

  it('answers every one of audits reported at once with its stored id, while their queue is still being saved', async () => {
    // Extension storage answers in a later task, so each report is still queueing when the next one arrives.
    const slow = memoryStore();
    const store = { load: slow.load, save: (audits: StoredAudit[]) => new Promise<void>((ok) => setTimeout(() => ok(slow.save(audits)), 5)) };
    // And a store that answers at once, where a write under way may already have looked at the queue.
    for (const [round, writer] of [createAuditWriter(db, { store }), createAuditWriter(db)].entries()) {
      const audits = [1, 2, 3, 4].map((tab) => storedAt(round * 10_000 + tab * 1_000, round * 10 + 50 + tab, tab));
      const replies = await Promise.all(audits.map((audit) => writer.save(audit)));
      const rows = await db.audits.where('auditedAtMs').anyOf(audits.map((audit) => audit.auditedAtMs)).toArray();
      const storedIds = audits.map((audit) => rows.find((row) => row.score === audit.score)?.id);
      expect(storedIds.every((id) => typeof id === 'number')).toBe(true);
      expect(replies).toEqual(storedIds.map((auditId) => ({ auditId })));
    }
  });

  it('writes the audits a stopped service worker left in the storage.local queue as soon as it starts', async () => {
    const store = memoryStore();
    await store.save([storedAt(1_000, 40)]);
    const writer = createAuditWriter(db, { store });
    await writer.restore();
    expect(await db.audits.count()).toBe(1);
    expect(await store.load()).toEqual([]);
    expect(writer.status()).toEqual({ pending: 0, dropped: 0, lastError: null });
  });

  it('stores an audit once when a worker stopped after writing it but before taking it off the queue', async () => {
    const audit = storedAt(1_000, 40, 3);
    const first = createAuditWriter(db);
    const { auditId } = await first.save(audit);
    const store = memoryStore();
    await store.save([audit]);
    const next = createAuditWriter(db, { store });
    await next.restore();
    expect(await db.audits.toArray()).toEqual([expect.objectContaining({ id: auditId, score: 40 })]);
  });

  it('asks to be woken for a retry instead of keeping a timer, and retries when woken', async () => {
    const wakes: number[] = [];
    const writer = createAuditWriter(db, { wake: (delayMs) => wakes.push(delayMs), baseDelayMs: 30_000 });
    vi.spyOn(db.audits, 'add').mockRejectedValueOnce(quotaError());
    expect(await writer.save(storedAt(1_000))).toMatchObject({ auditId: null });
    expect(wakes).toEqual([30_000]);
    await writer.save(storedAt(2_000, 80));
    expect(wakes).toEqual([30_000]);
    await writer.flush();
    expect(await db.audits.count()).toBe(2);
    expect(writer.status()).toEqual({ pending: 0, dropped: 0, lastError: null });
  });

  it('counts what it had to drop when the queue is full', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const writer = createAuditWriter(db, { capacity: 2, baseDelayMs: 1_000 });
    vi.spyOn(db.audits, 'add').mockRejectedValue(quotaError());
    for (const ms of [1, 2, 3]) await writer.save(storedAt(ms * 1_000, ms));
    expect(writer.status()).toMatchObject({ pending: 2, dropped: 1 });
  });

  it('does not store an identical re-audit of the same page in the same tab again', async () => {
    const writer = createAuditWriter(db);
    const first = await writer.save(storedAt(1_000));
    const repeat = await writer.save(storedAt(5_000));
    expect(repeat.auditId).toBe(first.auditId);
    const changed = await writer.save(storedAt(6_000, 90));
    expect(changed.auditId).not.toBe(first.auditId);
    const otherTab = await writer.save(storedAt(7_000, 90, 2));
    expect(otherTab.auditId).not.toBe(changed.auditId);
    expect(await db.audits.count()).toBe(3);
  });
});

describe('audit writer and a blocked upgrade', () => {
  it('reports writes stuck behind a connection that holds the old version open, and stores them once it closes', async () => {
    const name = `writer-blocked-${n++}`;
    // A page still holding version 1 open, deaf to the upgrade request (Dexie's version 1 is IndexedDB version 10).
    const old = await new Promise<IDBDatabase>((ok, fail) => {
      const request = indexedDB.open(name, 10);
      request.onupgradeneeded = () => {
        const audits = request.result.createObjectStore('audits', { keyPath: 'id', autoIncrement: true });
        for (const index of ['host', 'url', 'auditedAtMs']) audits.createIndex(index, index);
        request.result.createObjectStore('captures', { keyPath: 'id', autoIncrement: true });
        request.result.createObjectStore('blobs', { keyPath: 'id', autoIncrement: true });
        request.result.createObjectStore('settings', { keyPath: 'key' });
      };
      request.onsuccess = () => ok(request.result);
      request.onerror = () => fail(request.error);
    });
    const blocked = new LiangzhaoDatabase(name);
    const writer = createAuditWriter(blocked, { stalledAfterMs: 50 });
    const saving = writer.save(storedAt(1_000));
    await vi.waitFor(() => expect(writer.status()).toMatchObject({ pending: 1, lastError: expect.stringContaining('blocked') }));

    old.close();
    expect((await saving).auditId).toBeTypeOf('number');
    expect(writer.status()).toEqual({ pending: 0, dropped: 0, lastError: null });
    blocked.close();
    await Dexie.delete(name);
  });
});
