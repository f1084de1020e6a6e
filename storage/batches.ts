import type { SettleOptions } from '@/rules/settle';
import type { ListEntry } from '@/utils/url-list';
import type { BatchItemState, LiangzhaoDatabase, StoredAudit, StoredBatch, StoredBatchItem } from './db';

export const MAX_CONCURRENCY = 4;
export const DEFAULT_CONCURRENCY = 2;

/**
 * Capturing evidence of pages nobody clicked: `captureVisibleTab` needs `activeTab` (a click) or the host
 * permission for the page, so a batch that captures asks for it, optionally, when the person ticks "capture".
 */
export const BATCH_CAPTURE_PERMISSION = { origins: ['<all_urls>'] };

/** A row that has an outcome: nothing more happens to it. */
export const FINISHED_ITEM_STATES: readonly BatchItemState[] = ['audited', 'timed-out', 'load-failed', 'not-web', 'cancelled'];

/** The message key naming a row's outcome (keys hold no dashes). */
export function outcomeKey(state: BatchItemState): string {
  return `batch_outcome_${state.replace('-', '_')}`;
}

export interface NewBatch {
  name: string;
  entries: readonly ListEntry[];
  concurrency: number;
  capture: boolean;
  settle: SettleOptions;
}

export function clampConcurrency(value: number): number {
  return Number.isFinite(value) ? Math.min(MAX_CONCURRENCY, Math.max(1, Math.round(value))) : DEFAULT_CONCURRENCY;
}

/** Stores a batch and its rows in one transaction, running; returns its id. */
export async function createBatch(db: LiangzhaoDatabase, batch: NewBatch, now = Date.now()): Promise<number> {
  return db.transaction('rw', db.batches, db.batchItems, async () => {
    const id = (await db.batches.add({
      name: batch.name,
      state: 'running',
      concurrency: clampConcurrency(batch.concurrency),
      capture: batch.capture,
      settle: { ...batch.settle },
      total: batch.entries.length,
      createdAtMs: now,
      resumedAtMs: now,
      ranMs: 0,
    })) as number;
    await db.batchItems.bulkAdd(
      batch.entries.map((entry, index) => ({
        batchId: id,
        index,
        url: entry.target,
        ...(entry.label ? { label: entry.label } : {}),
        state: 'queued' as const,
      })),
    );
    return id;
  });
}

export function itemsOf(db: LiangzhaoDatabase, batchId: number): Promise<StoredBatchItem[]> {
  return db.batchItems.where('[batchId+index]').between([batchId, -Infinity], [batchId, Infinity]).toArray();
}

export function itemsIn(db: LiangzhaoDatabase, batchId: number, state: BatchItemState): Promise<StoredBatchItem[]> {
  return db.batchItems.where('[batchId+state]').equals([batchId, state]).sortBy('index');
}

/** The row a batch tab is auditing, if the tab belongs to a batch. */
export async function openItemOfTab(db: LiangzhaoDatabase, tabId: number | undefined): Promise<StoredBatchItem | undefined> {
  if (tabId === undefined) return undefined;
  const items = await db.batchItems.where('tabId').equals(tabId).toArray();
  return items.find((item) => item.state === 'open');
}

/** Tags an audit with the batch row whose tab made it: a batch's audits stay ordinary audits of the history. */
export async function tagWithBatch(db: LiangzhaoDatabase, audit: StoredAudit): Promise<StoredAudit> {
  const item = await openItemOfTab(db, audit.tabId).catch(() => undefined);
  return item ? { ...audit, batchId: item.batchId, batchItemId: item.id } : audit;
}

/** The audit a batch row made, if one was stored (found again after a restart lost the row's update). */
export async function auditOfItem(db: LiangzhaoDatabase, item: StoredBatchItem): Promise<StoredAudit | undefined> {
  return db.audits
    .where('batchId')
    .equals(item.batchId)
    .filter((audit) => audit.batchItemId === item.id)
    .last();
}

export interface BatchProgress {
  total: number;
  done: number;
  audited: number;
  failed: number;
  timedOut: number;
  open: number;
  queued: number;
  /** Estimated from the time run so far; null before the first row finished. */
  remainingMs: number | null;
}

export function progressOf(batch: StoredBatch, items: readonly StoredBatchItem[], now = Date.now()): BatchProgress {
  const count = (...states: BatchItemState[]) => items.filter((item) => states.includes(item.state)).length;
  const done = count(...FINISHED_ITEM_STATES);
  const ran = batch.ranMs + (batch.state === 'running' ? Math.max(0, now - batch.resumedAtMs) : 0);
  const left = batch.total - done;
  return {
    total: batch.total,
    done,
    audited: count('audited'),
    failed: count('load-failed', 'not-web'),
    timedOut: count('timed-out'),
    open: count('open'),
    queued: count('queued'),
    remainingMs: done === 0 || batch.state !== 'running' ? null : Math.round((ran / done) * left),
  };
}

/** Moves a batch to `state`, keeping the time it ran; a finished batch stays finished. */
export async function setBatchState(db: LiangzhaoDatabase, batchId: number, state: StoredBatch['state'], now = Date.now()) {
  return db.transaction('rw', db.batches, async () => {
    const batch = await db.batches.get(batchId);
    if (!batch || batch.state === 'done' || batch.state === 'cancelled' || batch.state === state) return batch;
    const ranMs = batch.ranMs + (batch.state === 'running' ? Math.max(0, now - batch.resumedAtMs) : 0);
    const finished = state === 'done' || state === 'cancelled';
    const next: StoredBatch = {
      ...batch,
      state,
      ranMs,
      resumedAtMs: now,
      ...(finished ? { finishedAtMs: now } : {}),
    };
    await db.batches.put(next);
    return next;
  });
}

/**
 * Records a row's outcome once: only a row still open (or queued, for a cancel) takes one, so an answer that
 * arrives twice (a restarted worker asking the page again) cannot change or double it.
 */
export async function finishItem(
  db: LiangzhaoDatabase,
  itemId: number,
  outcome: Pick<StoredBatchItem, 'state'> & Partial<StoredBatchItem>,
  now = Date.now(),
): Promise<boolean> {
  return db.transaction('rw', db.batchItems, async () => {
    const item = await db.batchItems.get(itemId);
    if (!item || FINISHED_ITEM_STATES.includes(item.state)) return false;
    await db.batchItems.put({ ...item, ...outcome, finishedAtMs: now });
    return true;
  });
}

export function runningBatches(db: LiangzhaoDatabase): Promise<StoredBatch[]> {
  return db.batches.where('state').equals('running').toArray();
}

export function allBatches(db: LiangzhaoDatabase): Promise<StoredBatch[]> {
  return db.batches.orderBy('createdAtMs').reverse().toArray();
}
