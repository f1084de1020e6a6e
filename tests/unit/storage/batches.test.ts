import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiangzhaoDatabase, toStoredAudit } from '@/storage/db';
import { SETTLE_DEFAULTS } from '@/rules/settle';
import {
  auditOfItem,
  clampConcurrency,
  createBatch,
  finishItem,
  itemsOf,
  openItemOfTab,
  progressOf,
  setBatchState,
  tagWithBatch,
} from '@/storage/batches';
import { outcomeOf } from '@/entrypoints/background/batch';
import { audit } from '../../support/fixtures';

let db: LiangzhaoDatabase;
beforeEach(() => {
  db = new LiangzhaoDatabase(`batches-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const entries = ['https://a.example.cn/', 'https://b.example.cn/', 'https://c.example.cn/'].map((target, i) => ({ target, line: i + 1 }));

async function newBatch(now = 1_000) {
  return createBatch(db, { name: '抽查', entries, concurrency: 9, capture: false, settle: SETTLE_DEFAULTS }, now);
}

describe('batches', () => {
  it('stores a running batch with its rows queued in list order, concurrency at most 4', async () => {
    const id = await newBatch();
    const batch = await db.batches.get(id);
    expect(batch).toMatchObject({ name: '抽查', state: 'running', concurrency: 4, total: 3, createdAtMs: 1_000 });
    expect((await itemsOf(db, id)).map((item) => [item.index, item.url, item.state])).toEqual([
      [0, 'https://a.example.cn/', 'queued'],
      [1, 'https://b.example.cn/', 'queued'],
      [2, 'https://c.example.cn/', 'queued'],
    ]);
    expect(clampConcurrency(0)).toBe(1);
    expect(clampConcurrency(Number.NaN)).toBe(2);
  });

  it('records a row outcome once: a second answer for the same row changes nothing', async () => {
    const id = await newBatch();
    const [first] = await itemsOf(db, id);
    await db.batchItems.update(first.id!, { state: 'open', tabId: 7 });
    expect(await finishItem(db, first.id!, { state: 'audited', grade: 'A', score: 93 }, 5_000)).toBe(true);
    expect(await finishItem(db, first.id!, { state: 'load-failed', reason: 'no-response' }, 6_000)).toBe(false);
    expect(await db.batchItems.get(first.id!)).toMatchObject({ state: 'audited', grade: 'A', finishedAtMs: 5_000 });
  });

  it('tags the audit a batch tab reports with its row, and finds it again after a restart', async () => {
    const id = await newBatch();
    const [first] = await itemsOf(db, id);
    await db.batchItems.update(first.id!, { state: 'open', tabId: 7 });
    expect((await openItemOfTab(db, 7))?.id).toBe(first.id);
    expect(await openItemOfTab(db, 8)).toBeUndefined();
    const tagged = await tagWithBatch(db, toStoredAudit(audit({ url: first.url }), 7));
    expect(tagged).toMatchObject({ batchId: id, batchItemId: first.id });
    const untagged = await tagWithBatch(db, toStoredAudit(audit(), 8));
    expect(untagged.batchId).toBeUndefined();
    const auditId = await db.audits.add(tagged);
    expect((await auditOfItem(db, first))?.id).toBe(auditId);
  });

  it('counts progress and estimates the time left from the time run so far', async () => {
    const id = await newBatch(0);
    const [a, b] = await itemsOf(db, id);
    await finishItem(db, a.id!, { state: 'audited' });
    await finishItem(db, b.id!, { state: 'load-failed' });
    const batch = (await db.batches.get(id))!;
    const progress = progressOf(batch, await itemsOf(db, id), 10_000);
    expect(progress).toMatchObject({ total: 3, done: 2, audited: 1, failed: 1, queued: 1, remainingMs: 5_000 });
  });

  it('keeps the time run across a pause, and a finished batch stays finished', async () => {
    const id = await newBatch(0);
    await setBatchState(db, id, 'paused', 4_000);
    await setBatchState(db, id, 'running', 60_000);
    expect(await db.batches.get(id)).toMatchObject({ state: 'running', ranMs: 4_000, resumedAtMs: 60_000 });
    await setBatchState(db, id, 'cancelled', 61_000);
    await setBatchState(db, id, 'running', 62_000);
    expect(await db.batches.get(id)).toMatchObject({ state: 'cancelled', ranMs: 5_000, finishedAtMs: 61_000 });
  });
});

describe('outcomeOf', () => {
  const settled = { timedOut: false, url: 'https://a.example.cn/', contentType: 'text/html', httpStatus: 200 };
  it('names an HTTP error, a document that is not a web page, a timed-out and an audited page', () => {
    const result = audit({ grade: 'B', score: 85, verdict: 'review' });
    expect(outcomeOf({ ...settled, httpStatus: 404, state: { result: null, auditId: null } })).toMatchObject({ state: 'load-failed', reason: 'HTTP 404' });
    expect(outcomeOf({ ...settled, contentType: 'application/json', state: { result: null, auditId: null } })).toMatchObject({ state: 'not-web', reason: 'application/json' });
    expect(outcomeOf({ ...settled, timedOut: true, state: { result, auditId: 4 } })).toMatchObject({ state: 'timed-out', auditId: 4, grade: 'B' });
    expect(outcomeOf({ ...settled, state: { result, auditId: 5 } })).toMatchObject({ state: 'audited', auditId: 5, grade: 'B', score: 85 });
  });
});
