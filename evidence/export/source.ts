import type { AuditResult } from '@/rules/types';
import type { ArtefactEntry, SealedRecord } from '../seal/record';
import type { TermsTrail } from './terms';

/** One audit on its way out or in: the `liangzhao.audit/1` record and, if evidence was captured, its capture. */
export interface EvidenceEntry {
  audit: AuditResult;
  capture?: CapturedEvidence | null;
  /** On a terms page: the document's versions and the change this version made (absent elsewhere). */
  terms?: TermsTrail | null;
}

export interface CapturedEvidence {
  sealed: SealedRecord;
  artefacts: Array<{ entry: ArtefactEntry; bytes: Uint8Array }>;
}

/**
 * The audits an export covers, read one at a time: a long history is never all in memory, and each audit's capture
 * (screenshot, MHTML) is dropped once written. `get` returns null for an audit deleted since the export began.
 */
export interface EntrySource<E extends EvidenceEntry = EvidenceEntry> {
  length: number;
  get(index: number): Promise<E | null>;
}

export function arraySource<E extends EvidenceEntry>(entries: readonly E[]): EntrySource<E> {
  return { length: entries.length, get: async (index) => entries[index] ?? null };
}
