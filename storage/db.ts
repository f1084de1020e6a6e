import { hostOf } from '@/utils/url';
import Dexie, { type EntityTable } from 'dexie';
import { scoreOf } from '@/rules/scoring';
import type { AuditResult, Grade, PageType, Verdict } from '@/rules/types';
import type { SettleOptions } from '@/rules/settle';
import { searchTextOf, termsOf } from './search-terms';
import { termsVersionsFromAudits, type StoredTermsVersion } from './terms-versions';
import { AUDIT_ROWS, auditRowOf, auditRowsMiddleware } from './audit-rows';
import { chunkedAddsMiddleware } from './chunked-adds';
import { DATABASE_NAME } from './database-name';

/** One audit of one page, with the fields the history is searched and sorted by lifted out for indexing. */
export interface StoredAudit {
  id?: number;
  url: string;
  host: string;
  title: string;
  pageType: PageType;
  grade: Grade;
  verdict: Verdict;
  /** Null when nothing applied (grade N/A); IndexedDB does not index null, so the history sorts by the keys below. */
  score: number | null;
  /** The score, with N/A as -1: a best-first order ends with the audits that have no score (since version 3). */
  scoreDescKey: number;
  /** The score, with N/A as 101: a worst-first order ends with them too (since version 3). */
  scoreAscKey: number;
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

/**
 * What the history lists show, filter and sort by: an audit without its record (since version 6, table `auditRows`,
 * same primary key). Kept in step with `audits` by storage/audit-rows.ts.
 */
export type StoredAuditRow = Omit<StoredAudit, 'result'>;

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
  score?: number | null;
  /** Why it could not load or was not a web page: an HTTP status, a content type, "no-response". */
  reason?: string;
}

export interface StoredSetting {
  key: string;
  value: unknown;
}

export { DATABASE_NAME };

export class LiangzhaoDatabase extends Dexie {
  audits!: EntityTable<StoredAudit, 'id'>;
  captures!: EntityTable<StoredCapture, 'id'>;
  blobs!: EntityTable<StoredBlob, 'id'>;
  settings!: EntityTable<StoredSetting, 'key'>;
  termsVersions!: EntityTable<StoredTermsVersion, 'id'>;
  batches!: EntityTable<StoredBatch, 'id'>;
  batchItems!: EntityTable<StoredBatchItem, 'id'>;
  /** Each audit's row for the history lists, without its record (since version 6): see storage/audit-rows.ts. */
  auditRows!: EntityTable<StoredAuditRow, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    // Every write to `audits` writes its row to `auditRows` in the same transaction.
    this.use(auditRowsMiddleware);
    // A bulk add goes to IndexedDB a few values per task, so copying them never holds the page (storage/chunked-adds.ts).
    this.use(chunkedAddsMiddleware);
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
    // Version 3: an N/A audit has no score (it stored 0) and sorts after every scored one, either way round. Only
    // the row's own fields change; the audit record inside, which a capture's digest seals, stays as it was.
    this.version(3)
      .stores({
        audits:
          '++id, host, url, pageType, grade, verdict, score, auditedAtMs, *failedRules, tabId, [host+auditedAtMs], failedCount, *terms, [url+auditedAtMs], scoreDescKey, scoreAscKey',
      })
      .upgrade((tx) =>
        tx
          .table('audits')
          .toCollection()
          .modify((audit: StoredAudit) => Object.assign(audit, scoreFields(audit))),
      );
    // Version 4: every distinct version of a terms document (its canonical URL), first and last seen. Stored terms
    // audits that already carry a terms document (imported from the command line) seed it; nothing is removed.
    this.version(4)
      .stores({ termsVersions: '++id, canonicalUrl, &[canonicalUrl+digest], [canonicalUrl+firstSeenMs], lastSeenMs' })
      .upgrade(async (tx) => {
        const audits = (await tx.table('audits').where('pageType').equals('terms').toArray()) as StoredAudit[];
        const versions = termsVersionsFromAudits(audits.map((audit) => audit.result));
        if (versions.length > 0) await tx.table('termsVersions').bulkAdd(versions);
      });
    // Version 5: batches of pages, their rows, and the audits each one made (no data to change).
    this.version(5).stores({
      audits:
        '++id, host, url, pageType, grade, verdict, score, auditedAtMs, *failedRules, tabId, [host+auditedAtMs], failedCount, *terms, [url+auditedAtMs], scoreDescKey, scoreAscKey, batchId',
      batches: '++id, createdAtMs, state',
      batchItems: '++id, batchId, [batchId+index], [batchId+state], tabId',
    });
    // Version 6: the history lists (dashboard, popup) read a small row per audit instead of the whole record, whose
    // facts, results and evidence made a page of 50 and the count read megabytes. Existing audits get their rows here.
    this.version(6)
      .stores({
        [AUDIT_ROWS]:
          'id, host, url, pageType, grade, auditedAtMs, *failedRules, failedCount, *terms, scoreDescKey, scoreAscKey',
      })
      .upgrade(async (tx) => {
        const rows: StoredAuditRow[] = [];
        await tx
          .table('audits')
          .toCollection()
          .each((audit: StoredAudit) => rows.push(auditRowOf(audit)));
        await tx.table(AUDIT_ROWS).bulkPut(rows);
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
    ...scoreFields(result),
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

/** The score and its two sort keys (version 3). */
export function scoreFields(audit: { score: number | null; grade: Grade }) {
  const score = scoreOf(audit);
  return { score, scoreDescKey: score ?? -1, scoreAscKey: score ?? 101 };
}
