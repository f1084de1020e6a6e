import type { Grade, PageType } from '@/rules/types';
import type { LiangzhaoDatabase, StoredAudit, StoredAuditRow } from './db';
import { indexProbeOf, matchesQuery } from './search-terms';

/** The columns the history sorts by; each one is an index. */
export type SortColumn = 'auditedAtMs' | 'host' | 'url' | 'pageType' | 'grade' | 'score' | 'failedCount';

export interface AuditFilters {
  /** Words of host, title or URL (word prefixes; Chinese as substrings). */
  text?: string;
  host?: string;
  grades?: Grade[];
  pageTypes?: PageType[];
  failedRule?: string;
  /** Inclusive epoch-millisecond bounds. */
  fromMs?: number;
  toMs?: number;
  /** Only audits with captured evidence. */
  withEvidence?: boolean;
}

export interface AuditQuery extends AuditFilters {
  sort: SortColumn;
  descending: boolean;
  offset: number;
  limit: number;
}

export interface AuditPage {
  rows: StoredAuditRow[];
  /** Null until counted (the dashboard's listing before its first answer). */
  total: number | null;
}

export function hasFilters(filters: AuditFilters): boolean {
  return Boolean(
    filters.text?.trim() ||
      filters.host ||
      filters.grades?.length ||
      filters.pageTypes?.length ||
      filters.failedRule ||
      filters.fromMs !== undefined ||
      filters.toMs !== undefined ||
      filters.withEvidence,
  );
}

/**
 * One page of the history, from the audits' rows (never their records). Each filter is answered by its own index as
 * a set of primary keys (keys only); the sort column's index gives the order; only the rows shown are read.
 */
export async function queryAudits(
  db: LiangzhaoDatabase,
  query: AuditQuery,
  { sortInMemoryUpTo = SORT_IN_MEMORY_UP_TO } = {},
): Promise<AuditPage> {
  if (!hasFilters(query)) {
    const ordered = db.auditRows.orderBy(sortIndex(query));
    const collection = query.descending ? ordered.reverse() : ordered;
    // Counting walks every row in IndexedDB: rows of a few hundred bytes, not whole audits.
    const [rows, total] = await Promise.all([
      collection.offset(query.offset).limit(query.limit).toArray(),
      db.auditRows.count(),
    ]);
    return { rows, total };
  }
  const matching = await matchingKeys(db, query);
  if (matching.size <= sortInMemoryUpTo) {
    // Few matches (a host, a search): read them and sort here, instead of walking the sort index.
    const rows = (await db.auditRows.bulkGet([...matching])).filter((row): row is StoredAuditRow => row !== undefined);
    rows.sort((a, b) => compareBy(sortIndex(query), a, b) * (query.descending ? -1 : 1));
    return { rows: rows.slice(query.offset, query.offset + query.limit), total: rows.length };
  }
  const orderedKeys = (await db.auditRows.orderBy(sortIndex(query)).primaryKeys()) as number[];
  if (query.descending) orderedKeys.reverse();
  const keys = orderedKeys.filter((key) => matching.has(key));
  const pageKeys = keys.slice(query.offset, query.offset + query.limit);
  const rows = (await db.auditRows.bulkGet(pageKeys)).filter((row): row is StoredAuditRow => row !== undefined);
  return { rows, total: keys.length };
}

/** The index a column sorts by: the score's N/A audits come last in both directions (see `scoreFields`). */
function sortIndex(query: Pick<AuditQuery, 'sort' | 'descending'>): keyof StoredAuditRow {
  if (query.sort !== 'score') return query.sort;
  return query.descending ? 'scoreDescKey' : 'scoreAscKey';
}

/** Up to this many matches are sorted in memory; more are ordered by the sort column's index (keys only). */
const SORT_IN_MEMORY_UP_TO = 500;

/** The order of the sort column's index: by value, then by primary key. */
function compareBy(column: keyof StoredAuditRow, a: StoredAuditRow, b: StoredAuditRow): number {
  const x = a[column] as string | number;
  const y = b[column] as string | number;
  if (x < y) return -1;
  if (x > y) return 1;
  return (a.id ?? 0) - (b.id ?? 0);
}

/** The primary keys of the audits every filter accepts. */
export async function matchingKeys(db: LiangzhaoDatabase, filters: AuditFilters): Promise<Set<number>> {
  const lookups: Array<Promise<number[]>> = [];
  const keysOf = (promise: Promise<unknown>) => lookups.push(promise as Promise<number[]>);
  if (filters.host) keysOf(db.auditRows.where('host').equals(filters.host).primaryKeys());
  if (filters.grades?.length) keysOf(db.auditRows.where('grade').anyOf(filters.grades).primaryKeys());
  if (filters.pageTypes?.length) keysOf(db.auditRows.where('pageType').anyOf(filters.pageTypes).primaryKeys());
  if (filters.failedRule) keysOf(db.auditRows.where('failedRules').equals(filters.failedRule).primaryKeys());
  if (filters.fromMs !== undefined || filters.toMs !== undefined) {
    keysOf(
      db.auditRows
        .where('auditedAtMs')
        .between(filters.fromMs ?? -Infinity, filters.toMs ?? Infinity, true, true)
        .primaryKeys(),
    );
  }
  // The captures' own index names the audits that have evidence: no audit row is read for it.
  if (filters.withEvidence) keysOf(db.captures.orderBy('auditId').uniqueKeys());
  const text = filters.text?.trim();
  if (text) {
    const probe = indexProbeOf(text);
    const candidates = probe === null ? db.auditRows.toCollection() : db.auditRows.where('terms').startsWith(probe).distinct();
    keysOf(candidates.filter((audit) => matchesQuery(audit.searchText, text)).primaryKeys());
  }
  const sets = await Promise.all(lookups);
  sets.sort((a, b) => a.length - b.length);
  let result = new Set(sets[0] ?? []);
  for (const next of sets.slice(1)) {
    const other = new Set(next);
    result = new Set([...result].filter((key) => other.has(key)));
  }
  return result;
}

/** The rows of the latest audits, newest first (the popup's history). */
export function latestAudits(db: LiangzhaoDatabase, limit: number): Promise<StoredAuditRow[]> {
  return db.auditRows.orderBy('auditedAtMs').reverse().limit(limit).toArray();
}

/** One site's audits, newest first. */
export function auditsOfHost(db: LiangzhaoDatabase, host: string, limit = 500): Promise<StoredAudit[]> {
  return newestUnder(db, '[host+auditedAtMs]', host, limit);
}

/** One page's audits, newest first: what the comparison of two audits of the same page chooses from. */
export function auditsOfPage(db: LiangzhaoDatabase, url: string, limit = 100): Promise<StoredAudit[]> {
  return newestUnder(db, '[url+auditedAtMs]', url, limit);
}

/** The newest audits whose compound index `[key+auditedAtMs]` starts with `value`. */
function newestUnder(db: LiangzhaoDatabase, index: '[host+auditedAtMs]' | '[url+auditedAtMs]', value: string, limit: number): Promise<StoredAudit[]> {
  return db.audits
    .where(index)
    .between([value, -Infinity], [value, Infinity])
    .reverse()
    .limit(limit)
    .toArray();
}

/** Every host in the history, in order (index keys only). */
export async function storedHosts(db: LiangzhaoDatabase): Promise<string[]> {
  return (await db.audits.orderBy('host').uniqueKeys()) as string[];
}

export function deleteAudits(db: LiangzhaoDatabase, ids: number[]): Promise<number> {
  // An audit's captured evidence goes with it, so nothing is left that no audit points to. Its row goes in the same
  // transaction (storage/audit-rows.ts), here and in `deleteAll`.
  return db.transaction('rw', db.audits, db.captures, db.blobs, async () => {
    const captureIds = (await db.captures.where('auditId').anyOf(ids).primaryKeys()) as number[];
    await db.blobs.where('captureId').anyOf(captureIds).delete();
    await db.captures.bulkDelete(captureIds);
    await db.audits.bulkDelete(ids);
    return ids.length;
  });
}

export function deleteAudit(db: LiangzhaoDatabase, id: number): Promise<number> {
  return deleteAudits(db, [id]);
}

export async function deleteSite(db: LiangzhaoDatabase, host: string): Promise<number> {
  return deleteAudits(db, (await db.audits.where('host').equals(host).primaryKeys()) as number[]);
}

export function deleteAll(db: LiangzhaoDatabase): Promise<number> {
  // "Everything" includes the terms versions seen: they are history of the pages visited too.
  return db.transaction('rw', [db.audits, db.captures, db.blobs, db.termsVersions], async () => {
    const count = await db.audits.count();
    await Promise.all([db.audits.clear(), db.captures.clear(), db.blobs.clear(), db.termsVersions.clear()]);
    return count;
  });
}

export interface Retention {
  /** Keep audits younger than this many days; null keeps any age. */
  keepDays: number | null;
  /** Keep at most this many audits (the newest); null keeps any number. */
  keepCount: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes what the retention setting no longer keeps; returns how many audits went. */
export async function applyRetention(db: LiangzhaoDatabase, retention: Retention, now = Date.now()): Promise<number> {
  const doomed = await beyondRetention(db, retention, now);
  if (doomed.length === 0) return 0;
  return deleteAudits(db, doomed);
}

/** The audits a retention setting no longer keeps. */
async function beyondRetention(db: LiangzhaoDatabase, retention: Retention, now: number): Promise<number[]> {
  const doomed = new Set<number>();
  if (retention.keepDays !== null) {
    const cutoff = now - retention.keepDays * DAY_MS;
    for (const key of (await db.audits.where('auditedAtMs').below(cutoff).primaryKeys()) as number[]) doomed.add(key);
  }
  if (retention.keepCount !== null) {
    const beyond = await db.audits.orderBy('auditedAtMs').reverse().offset(retention.keepCount).primaryKeys();
    for (const key of beyond as number[]) doomed.add(key);
  }
  return [...doomed];
}

/** A captured audit a deletion would remove: the evidence chain shows a break at its sequence. */
export interface CaptureAtStake {
  captureId: number;
  auditId: number;
  /** The capture's place in its chain; null for a row without a readable record. */
  sequence: number | null;
  capturedAtMs: number;
  url: string;
}

/** What a deletion removes: one audit, a site's audits, everything, or what a retention setting no longer keeps. */
export type DeletionScope = { auditId: number } | { host: string } | { all: true } | { retention: Retention; now?: number };

/** The captures a deletion would take with it, in chain order; empty when it removes no evidence. */
export async function capturesAtStake(db: LiangzhaoDatabase, scope: DeletionScope): Promise<CaptureAtStake[]> {
  const rows =
    'all' in scope
      ? await db.captures.toArray()
      : await db.captures.where('auditId').anyOf(await auditIdsOf(db, scope)).toArray();
  return rows
    .map((row) => {
      const record = (row.record ?? {}) as { sequence?: unknown; url?: unknown };
      return {
        captureId: row.id!,
        auditId: row.auditId,
        sequence: typeof record.sequence === 'number' ? record.sequence : null,
        capturedAtMs: row.capturedAtMs,
        url: typeof record.url === 'string' ? record.url : '',
      };
    })
    .sort((a, b) => (a.sequence ?? Infinity) - (b.sequence ?? Infinity) || a.capturedAtMs - b.capturedAtMs);
}

async function auditIdsOf(db: LiangzhaoDatabase, scope: Exclude<DeletionScope, { all: true }>): Promise<number[]> {
  if ('auditId' in scope) return [scope.auditId];
  if ('host' in scope) return (await db.audits.where('host').equals(scope.host).primaryKeys()) as number[];
  return beyondRetention(db, scope.retention, scope.now ?? Date.now());
}

/**
 * Applies the stored retention setting after writes, at most once per `everyMs`, so a busy browsing session does not
 * prune on every audit.
 */
export function createRetentionKeeper(
  db: LiangzhaoDatabase,
  loadRetention: () => Promise<Retention>,
  everyMs = 10 * 60_000,
) {
  let lastAppliedAt = -Infinity;
  return async function afterWrite(now = Date.now()): Promise<number> {
    if (now - lastAppliedAt < everyMs) return 0;
    lastAppliedAt = now;
    return applyRetention(db, await loadRetention(), now);
  };
}
