import Dexie, { type EntityTable } from 'dexie';
import type { AuditResult, Grade, PageType, Verdict } from '@/rules/types';
import { searchTextOf, termsOf } from './search-terms';
import { termsVersionsFromAudits, type StoredTermsVersion } from './terms-versions';

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
  termsVersions!: EntityTable<StoredTermsVersion, 'id'>;

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
    // Version 3: every distinct version of a terms document (its canonical URL), first and last seen. Stored terms
    // audits that already carry a terms document (imported from the command line) seed it; nothing is removed.
    this.version(3)
      .stores({ termsVersions: '++id, canonicalUrl, &[canonicalUrl+digest], [canonicalUrl+firstSeenMs], lastSeenMs' })
      .upgrade(async (tx) => {
        const audits = (await tx.table('audits').where('pageType').equals('terms').toArray()) as StoredAudit[];
        const versions = termsVersionsFromAudits(audits.map((audit) => audit.result));
        if (versions.length > 0) await tx.table('termsVersions').bulkAdd(versions);
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
