import { toStoredAudit, type LiangzhaoDatabase, type StoredAudit } from '@/storage/db';
import { isCaptureRow, loadChainHead, type BlobRow, type CaptureRow } from '@/evidence/capture/store';
import { verifyChains, type ChainItem, type ChainVerification } from '../seal/chain';
import { auditDigest, type ChainHead } from '../seal/record';
import { parseJsonImport, type ImportedEntry } from './json';
import type { CapturedEvidence, EvidenceEntry } from './source';
import type { Problem } from '../problems';
import type { EntrySource } from './source';
import { createYielder, type ProgressCallback } from '../../utils/yield';
import { mergeTermsVersions, versionsOf, type StoredTermsVersion } from '@/storage/terms';
import { termsTrail, type TermsVersionRecord } from './terms';
import { termsVersionsFromAudits } from '@/storage/terms-versions';

/**
 * The exports' and imports' access to the database: the one part of export/ that is not pure. Reads go one audit
 * at a time with progress; an import is written in a single transaction, so it lands whole or not at all.
 */

/** Audit ids newest first: every stored audit, or those a person selected. */
export async function auditIdsFor(db: LiangzhaoDatabase, selection: 'all' | readonly number[]): Promise<number[]> {
  if (selection !== 'all') return [...selection];
  return (await db.audits.orderBy('auditedAtMs').reverse().primaryKeys()) as number[];
}

/** How many audits one duplicate check looks up at once: one index query per batch instead of one per audit. */
const CHECK_BATCH = 100;

/**
 * How many audit rows one read fetches: one `bulkGet` per batch. While a batch is being written out the next ones
 * are already being read, so the database's work overlaps the export's; a few batches (a few megabytes) are in
 * memory. A `bulkGet` asks for each row in the task that calls it: 500 at a time was one task of 90 ms.
 */
const READ_BATCH = 100;
/** Batches requested ahead of the one being written out. */
const READ_AHEAD = 3;

/**
 * The audits by id, each read with its capture and artefacts only when the export reaches it, and a terms page
 * with its document's versions (read once per document). Rows are fetched a batch at a time (`bulkGet`), the next
 * batches requested as soon as the current one is reached.
 */
export function entrySource(db: LiangzhaoDatabase, ids: readonly number[]): EntrySource {
  const versions = new Map<string, Promise<StoredTermsVersion[]>>();
  const versionsOfDocument = (url: string) => {
    if (!versions.has(url)) versions.set(url, versionsOf(db, url));
    return versions.get(url)!;
  };
  const batches = new Map<number, Promise<Array<StoredAudit | undefined>>>();
  const request = (start: number) => {
    if (start < ids.length && !batches.has(start)) batches.set(start, db.audits.bulkGet(ids.slice(start, start + READ_BATCH) as number[]));
  };
  const rowAt = async (index: number) => {
    const start = index - (index % READ_BATCH);
    for (let ahead = 0; ahead <= READ_AHEAD; ahead++) request(start + ahead * READ_BATCH);
    for (const begun of batches.keys()) if (begun < start) batches.delete(begun);
    return (await batches.get(start)!)[index - start];
  };
  return {
    length: ids.length,
    get: async (index) => {
      const row = await rowAt(index);
      if (!row) return null;
      const doc = row.result.facts.termsDocument;
      const terms = doc ? termsTrail(doc, await versionsOfDocument(doc.canonicalUrl)) : null;
      return { audit: row.result, capture: await loadCapture(db, row), terms };
    },
  };
}

async function loadCapture(db: LiangzhaoDatabase, audit: StoredAudit): Promise<CapturedEvidence | null> {
  if (audit.captureId === undefined) return null;
  const row = await db.captures.get(audit.captureId);
  if (!row || !isCaptureRow(row)) return null;
  const blobs = (await db.blobs.where('captureId').equals(audit.captureId).toArray()) as BlobRow[];
  const artefacts: CapturedEvidence['artefacts'] = [];
  for (const entry of row.record.artefacts) {
    const blob = blobs.find((b) => b.name === entry.name);
    if (blob) artefacts.push({ entry, bytes: new Uint8Array(await blob.data.arrayBuffer()) });
  }
  return { sealed: { record: row.record, digest: row.digest }, artefacts };
}

/**
 * How many audits one `bulkAdd` of an import writes: exactly Dexie's threshold for tracking a write as "the whole
 * table changed". Below 50 values Dexie records every key of every index (with `*terms`, dozens an audit) for its
 * live queries, and at the end of a transaction of 2,000 audits it merged and posted that set in one task of 180 ms.
 * The database layer hands IndexedDB the 50 a few per task (storage/chunked-adds.ts), so their copying is spread out.
 */
export const WRITE_BATCH = 50;

export interface ImportOutcome {
  added: number;
  /** Audits already stored (same page, same time, same record), not added twice. */
  skipped: number;
  captures: number;
}

/**
 * Writes parsed, fully checked entries, and the terms versions the file carries or its terms audits show;
 * re-importing the same file adds nothing.
 */
export async function importEntries(
  db: LiangzhaoDatabase,
  entries: readonly ImportedEntry[],
  onProgress?: ProgressCallback,
  termsVersions: readonly TermsVersionRecord[] = [],
): Promise<ImportOutcome> {
  const yieldNow = createYielder();
  const fresh: ImportedEntry[] = [];
  onProgress?.(0, entries.length);
  // Audits already stored are found a batch at a time: one index lookup for a batch's pages and times.
  for (let start = 0; start < entries.length; start += CHECK_BATCH) {
    const batch = entries.slice(start, start + CHECK_BATCH);
    const keyOf = (url: string, auditedAtMs: number) => `${auditedAtMs} ${url}`;
    const wanted = batch.map((entry) => [entry.url, Date.parse(entry.auditedAt)] as [string, number]);
    const twins = new Map<string, StoredAudit[]>();
    for (const twin of await db.audits.where('[url+auditedAtMs]').anyOf(wanted).toArray()) {
      const key = keyOf(twin.url, twin.auditedAtMs);
      twins.set(key, [...(twins.get(key) ?? []), twin]);
    }
    for (const [i, entry] of batch.entries()) {
      let duplicate = false;
      for (const twin of twins.get(keyOf(...wanted[i])) ?? []) if ((await auditDigest(twin.result)) === entry.auditSha256) duplicate = true;
      if (!duplicate) fresh.push(entry);
      onProgress?.(start + i + 1, entries.length);
      await yieldNow();
    }
  }
  // Oldest first, so ids grow with time as they did where the audits were made.
  fresh.sort((a, b) => Date.parse(a.auditedAt) - Date.parse(b.auditedAt));
  let captures = 0;
  const versions = [...termsVersionsFromAudits(fresh.filter((entry) => entry.termsPage).map((entry) => entry.readAudit())), ...termsVersions];
  await db.transaction('rw', [db.audits, db.captures, db.blobs, db.termsVersions], async () => {
    await mergeTermsVersions(db, versions);
    for (let start = 0; start < fresh.length; start += WRITE_BATCH) {
      const batch = fresh.slice(start, start + WRITE_BATCH);
      const ids = (await db.audits.bulkAdd(batch.map((entry) => toStoredAudit(entry.readAudit())), { allKeys: true })) as number[];
      for (const [i, entry] of batch.entries()) {
        if (!entry.capture) continue;
        const { sealed, artefacts } = entry.capture;
        const row: Omit<CaptureRow, 'id'> = {
          auditId: ids[i],
          capturedAtMs: Date.parse(sealed.record.capturedAt),
          record: sealed.record,
          digest: sealed.digest,
        };
        const captureId = (await db.captures.add(row)) as number;
        for (const { entry: artefact, bytes } of artefacts) {
          const blob: Omit<BlobRow, 'id'> = { captureId, ...artefact, data: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: artefact.mediaType }) };
          await db.blobs.add(blob);
        }
        await db.audits.update(ids[i], { captureId });
        captures++;
      }
    }
  });
  return { added: fresh.length, skipped: entries.length - fresh.length, captures };
}

/** Re-computes every chain stored in this profile (its own and imported ones), one capture at a time. */
export async function verifyStoredChains(db: LiangzhaoDatabase, onProgress?: ProgressCallback): Promise<ChainVerification> {
  const rows = (await db.captures.toArray()).filter(isCaptureRow);
  const items: ChainItem[] = rows.map((row) => ({
    sealed: { record: row.record, digest: row.digest },
    loadAudit: async () => (await db.audits.get(row.auditId))?.result ?? null,
    loadArtefact: async (name) => {
      const blobs = (await db.blobs.where('captureId').equals(row.id as number).toArray()) as BlobRow[];
      return blobs.find((b) => b.name === name)?.data ?? null;
    },
  }));
  const head = await loadChainHead(db);
  return verifyChains(items, head ? [head] : [], onProgress);
}

export type ImportResult = { ok: true; outcome: ImportOutcome } | { ok: false; problem: Problem };

/** Imports a file's text (or its lines): nothing is written unless the whole file checked out. */
export async function importJsonText(db: LiangzhaoDatabase, text: string | string[], onProgress?: ProgressCallback): Promise<ImportResult> {
  const parsed = await parseJsonImport(text, onProgress);
  if (!parsed.ok) return parsed;
  return { ok: true, outcome: await importEntries(db, parsed.entries, onProgress, parsed.termsVersions) };
}

/** Which of a bundle's chain links this browser holds: a bundle made elsewhere, or rebuilt, is not found here. */
export async function linksStoredHere(db: LiangzhaoDatabase, links: readonly ChainHead[]): Promise<{ found: ChainHead[]; missing: ChainHead[] }> {
  const digests = new Set(((await db.captures.toArray()).filter(isCaptureRow)).map((row) => row.digest));
  return { found: links.filter((l) => digests.has(l.digest)), missing: links.filter((l) => !digests.has(l.digest)) };
}
