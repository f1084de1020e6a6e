import type { AuditResult } from '@/rules/types';
import { canonicalJson } from './canonical';
import { sha256Hex } from './digest';

export const EVIDENCE_SCHEMA = 'liangzhao.evidence/1';

/** What an inspector fills in once and reuses; every field may be empty. */
export interface CaseFields {
  caseNumber: string;
  inspector: string;
  task: string;
}

export const EMPTY_CASE: CaseFields = { caseNumber: '', inspector: '', task: '' };

export type ArtefactKind = 'screenshot' | 'mhtml' | 'element-html';

/** One captured file, described by its digest; the bytes live in the `blobs` table or in a bundle. */
export interface ArtefactEntry {
  /** The file name it has in a bundle: screenshot.png, page.mhtml, evidence-html.json. */
  name: string;
  kind: ArtefactKind;
  mediaType: string;
  size: number;
  sha256: string;
}

/** An artefact the browser could not give, and why (Firefox has no `pageCapture`). */
/** The record's reason for a capture without its MHTML snapshot because the permission was refused. */
export const MHTML_REFUSED = 'permission-refused';

export interface AbsentArtefact {
  kind: ArtefactKind;
  reason: string;
}

/**
 * The capture record: everything said about one capture, hashed as canonical JSON. `previous` is the digest of the
 * record before it in the same chain, so removing, reordering or editing any captured audit breaks every later link.
 */
export interface EvidenceRecord {
  schema: typeof EVIDENCE_SCHEMA;
  /** One chain per browser profile; an imported chain keeps its id. */
  chainId: string;
  /** 1 for the first capture of the chain. */
  sequence: number;
  previous: string | null;
  capturedAt: string;
  url: string;
  title: string;
  userAgent: string;
  extensionVersion: string;
  rulesetVersion: string;
  caseFields: CaseFields;
  /** SHA-256 of the canonical JSON of the `liangzhao.audit/1` record. */
  auditSha256: string;
  artefacts: ArtefactEntry[];
  absent: AbsentArtefact[];
}

/** A record with the digest that seals it. */
export interface SealedRecord {
  record: EvidenceRecord;
  digest: string;
}

/** The last link of a chain, kept in settings so that deleting the newest capture is noticed too. */
export interface ChainHead {
  chainId: string;
  sequence: number;
  digest: string;
}

export function auditDigest(audit: AuditResult): Promise<string> {
  return sha256Hex(canonicalJson(audit));
}

export function recordDigest(record: EvidenceRecord): Promise<string> {
  return sha256Hex(canonicalJson(record));
}

export async function sealRecord(record: EvidenceRecord): Promise<SealedRecord> {
  return { record, digest: await recordDigest(record) };
}

/** The fields of the next record that the chain decides. */
export function nextLink(head: ChainHead | null, newChainId: () => string): Pick<EvidenceRecord, 'chainId' | 'sequence' | 'previous'> {
  if (!head) return { chainId: newChainId(), sequence: 1, previous: null };
  return { chainId: head.chainId, sequence: head.sequence + 1, previous: head.digest };
}

export function isCaseFields(value: unknown): value is CaseFields {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.caseNumber === 'string' && typeof v.inspector === 'string' && typeof v.task === 'string';
}
