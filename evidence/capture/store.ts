import type { AuditResult } from '@/rules/types';
import { toStoredAudit, type LiangzhaoDatabase, type StoredBlob, type StoredCapture } from '@/storage/db';
import { EMPTY_CASE, isCaseFields, type ArtefactEntry, type CaseFields, type ChainHead, type SealedRecord } from '@/evidence/seal/record';
import { isRecord } from '@/evidence/seal/validate';

/** Settings rows of the evidence feature (the settings table holds one row per key). */
export const CASE_FIELDS_KEY = 'evidence.caseFields';
export const CHAIN_HEAD_KEY = 'evidence.chainHead';

/** A capture row: the sealed record; its artefacts are rows of `blobs`. */
export interface CaptureRow extends StoredCapture {
  record: SealedRecord['record'];
  digest: string;
}

/** An artefact's bytes with what the record says of them (`kind` is the artefact kind). */
export type BlobRow = StoredBlob & ArtefactEntry;

export function isCaptureRow(row: StoredCapture): row is CaptureRow {
  return isRecord((row as { record?: unknown }).record) && typeof (row as { digest?: unknown }).digest === 'string';
}

export async function loadCaseFields(db: LiangzhaoDatabase): Promise<CaseFields> {
  const row = await db.settings.get(CASE_FIELDS_KEY);
  return isCaseFields(row?.value) ? row.value : { ...EMPTY_CASE };
}

export async function saveCaseFields(db: LiangzhaoDatabase, fields: CaseFields): Promise<void> {
  const clean = { caseNumber: fields.caseNumber.trim(), inspector: fields.inspector.trim(), task: fields.task.trim() };
  await db.settings.put({ key: CASE_FIELDS_KEY, value: clean });
}

export async function loadChainHead(db: LiangzhaoDatabase): Promise<ChainHead | null> {
  const value = (await db.settings.get(CHAIN_HEAD_KEY))?.value as Partial<ChainHead> | undefined;
  if (!value || typeof value.chainId !== 'string' || typeof value.sequence !== 'number' || typeof value.digest !== 'string') return null;
  return { chainId: value.chainId, sequence: value.sequence, digest: value.digest };
}

/** Another capture took the chain's next link first: build the record again on the new head. */
export class ChainMovedError extends Error {
  constructor() {
    super('the evidence chain moved on while this capture was being sealed');
  }
}

export interface NewCapture {
  /** The stored audit the capture belongs to; without one, `audit` is stored with it. */
  auditId: number | null;
  audit: AuditResult;
  tabId?: number;
  sealed: SealedRecord;
  artefacts: Array<{ entry: ArtefactEntry; bytes: Uint8Array }>;
  /** The head the record was chained to; the write is refused if the chain has moved since. */
  head: ChainHead | null;
}

/** Stores a capture, its artefacts, the audit's link to it and the new chain head, all or nothing. */
export function saveCapture(db: LiangzhaoDatabase, capture: NewCapture): Promise<{ auditId: number; captureId: number }> {
  return db.transaction('rw', [db.audits, db.captures, db.blobs, db.settings], async () => {
    const current = await loadChainHead(db);
    if (current?.digest !== capture.head?.digest) throw new ChainMovedError();
    const existing = capture.auditId === null ? undefined : await db.audits.get(capture.auditId);
    const auditId = existing?.id ?? ((await db.audits.add(toStoredAudit(capture.audit, capture.tabId))) as number);
    const row: Omit<CaptureRow, 'id'> = {
      auditId,
      capturedAtMs: Date.parse(capture.sealed.record.capturedAt),
      record: capture.sealed.record,
      digest: capture.sealed.digest,
    };
    const captureId = (await db.captures.add(row)) as number;
    for (const { entry, bytes } of capture.artefacts) {
      const blob: Omit<BlobRow, 'id'> = { captureId, ...entry, data: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: entry.mediaType }) };
      await db.blobs.add(blob);
    }
    await db.audits.update(auditId, { captureId });
    const { chainId, sequence } = capture.sealed.record;
    await db.settings.put({ key: CHAIN_HEAD_KEY, value: { chainId, sequence, digest: capture.sealed.digest } satisfies ChainHead });
    return { auditId, captureId };
  });
}
