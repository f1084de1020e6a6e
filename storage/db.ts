import Dexie, { type EntityTable } from 'dexie';
import type { AuditResult, Grade, PageType, Verdict } from '@/rules/types';

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

  constructor(name = DATABASE_NAME) {
    super(name);
    // Every version stays here: Dexie upgrades a database of any earlier version step by step.
    this.version(1).stores({
      audits: '++id, host, url, pageType, grade, verdict, score, auditedAtMs, *failedRules, tabId, [host+auditedAtMs]',
      captures: '++id, auditId, capturedAtMs',
      blobs: '++id, captureId',
      settings: 'key',
    });
  }
}

export function toStoredAudit(result: AuditResult, tabId?: number): StoredAudit {
  return {
    url: result.url,
    host: hostOf(result.url),
    title: result.title,
    pageType: result.pageType,
    grade: result.grade,
    verdict: result.verdict,
    score: result.score,
    auditedAtMs: Date.parse(result.auditedAt),
    failedRules: result.results.filter((r) => r.status === 'fail').map((r) => r.ruleId),
    ...(tabId === undefined ? {} : { tabId }),
    result,
  };
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
