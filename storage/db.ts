import Dexie, { type EntityTable } from 'dexie';
import type { AuditResult, Grade, PageType, Verdict } from '@/rules/types';
import type { SettleOptions } from '@/rules/settle';
import { searchTextOf, termsOf } from './search-terms';

/** One audit of one page, with the fields the history is searched and sorted by lifted out for indexing. */
export interface StoredAudit {
  id?: number;
  url: string;
  host: string;
  title: string;
  pageType: PageType;
  grade: Grade;
  verdict: Verdict;
  score: number;
  /** Epoch milliseconds of `result.auditedAt`, for range queries and sorting. */
  auditedAtMs: number;
  /** Ids of the rules that failed: a multi-entry index, so "which audits failed rule X" is one lookup. */
  failedRules: string[];
  /** `failedRules.length`, indexed so the history sorts by it (since version 2). */
  failedCount: number;
  /** Words and character pairs of host, title and path: the `terms` multi-entry index (since version 2). */
  terms: string[];
  /** Lower-cased host, title and URL, for the exact match after the index narrowed a search (since version 2). */
  searchText: string;
  /** The tab it came from, when it came from a tab. */
  tabId?: number;
  /** The evidence captured with it, if any. */
  captureId?: number;
  /** The batch that audited it, and its row there (since version 3): a batch's audits are ordinary audits. */
  batchId?: number;
  batchItemId?: number;
  result: AuditResult;
}

/** The evidence captured for one audit; the heavy artefacts live in `blobs`. */
export interface StoredCapture {
  id?: number;
  auditId: number;
  capturedAtMs: number;
  [field: string]: unknown;
}

export interface StoredBlob {
  id?: number;
  captureId: number;
  kind: string;
  data: Blob;
  [field: string]: unknown;
}

export type BatchState = 'running' | 'paused' | 'cancelled' | 'done';

/** A list of pages audited one after another in a window of their own (since version 3); see storage/batches.ts. */
export interface StoredBatch {
  id?: number;
  name: string;
  state: BatchState;
  concurrency: number;
  /** Capture evidence of each page (only when the person granted the permission for it). */
  capture: boolean;
  settle: SettleOptions;
  total: number;
  createdAtMs: number;
  /** When it last started or resumed, and how long it had run before: for the time left. */
  resumedAtMs: number;
  ranMs: number;
  finishedAtMs?: number;
  windowId?: number;
  /** The batch window's progress tab (an extension page). */
  progressTabId?: number;
}

export type BatchItemState = 'queued' | 'open' | 'audited' | 'timed-out' | 'load-failed' | 'not-web' | 'cancelled';

export interface StoredBatchItem {
  id?: number;
  batchId: number;
  /** Its place in the list, from 0. */
  index: number;
  url: string;
  /** The name column of the list, if it had one. */
  label?: string;
  state: BatchItemState;
  tabId?: number;
  openedAtMs?: number;
  finishedAtMs?: number;
  /** Where the page ended up (after redirects). */
  finalUrl?: string;
  auditId?: number;
  grade?: Grade;
  verdict?: Verdict;
  score?: number;
  /** Why it could not load or was not a web page: an HTTP status, a content type, "no-response". */
  reason?: string;
}

export interface StoredSetting {
  key: string;
  value: unknown;
}

export const DATABASE_NAME = 'liangzhao';

export class LiangzhaoDatabase extends Dexie {
  audits!: EntityTable<StoredAudit, 'id'>;
  captures!: EntityTable<StoredCapture, 'id'>;
  blobs!: EntityTable<StoredBlob, 'id'>;
  settings!: EntityTable<StoredSetting, 'key'>;
  batches!: EntityTable<StoredBatch, 'id'>;
  batchItems!: EntityTable<StoredBatchItem, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    // Every version stays here: Dexie upgrades a database of any earlier version step by step.
    this.version(1).stores({
      audits: '++id, host, url, pageType, grade, verdict, score, auditedAtMs, *failedRules, tabId, [host+auditedAtMs]',
      captures: '++id, auditId, capturedAtMs',
      blobs: '++id, captureId',
      settings: 'key',
    });
    // Version 2: the dashboard searches text and sorts by failed-rule count through indexes, and compares audits of
    // one page over time; rows written by version 1 get the derived fields here.
    this.version(2)
      .stores({
        audits:
          '++id, host, url, pageType, grade, verdict, score, auditedAtMs, *failedRules, tabId, [host+auditedAtMs], failedCount, *terms, [url+auditedAtMs]',
      })
      .upgrade((tx) =>
        tx
          .table('audits')
          .toCollection()
          .modify((audit: StoredAudit) => Object.assign(audit, derivedFields(audit))),
      );
    // Version 3: batches of pages, their rows, and the audits each one made (no data to change).
    this.version(3).stores({
      audits:
        '++id, host, url, pageType, grade, verdict, score, auditedAtMs, *failedRules, tabId, [host+auditedAtMs], failedCount, *terms, [url+auditedAtMs], batchId',
      batches: '++id, createdAtMs, state',
      batchItems: '++id, batchId, [batchId+index], [batchId+state], tabId',
    });
  }
}

export function toStoredAudit(result: AuditResult, tabId?: number): StoredAudit {
  const host = hostOf(result.url);
  const failedRules = result.results.filter((r) => r.status === 'fail').map((r) => r.ruleId);
  return {
    url: result.url,
    host,
    title: result.title,
    pageType: result.pageType,
    grade: result.grade,
    verdict: result.verdict,
    score: result.score,
    auditedAtMs: Date.parse(result.auditedAt),
    failedRules,
    ...derivedFields({ host, title: result.title, url: result.url, failedRules }),
    ...(tabId === undefined ? {} : { tabId }),
    result,
  };
}

/** The fields version 2 derives from what version 1 stored. */
export function derivedFields(audit: Pick<StoredAudit, 'host' | 'title' | 'url' | 'failedRules'>) {
  return {
    failedCount: audit.failedRules.length,
    terms: termsOf(audit.host, audit.title, audit.url),
    searchText: searchTextOf(audit.host, audit.title, audit.url),
  };
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
