import type { AuditResult } from '@/rules/types';
import { canonicalJson } from './canonical';
import { sha256Hex } from './digest';

/** /2 adds the full-page screenshot and where the visible screenshot and the evidence elements were on the page. */
export const EVIDENCE_SCHEMA = 'liangzhao.evidence/2';
/** Every capture record this version reads; a /1 record has neither `viewport` nor `fullPage`. */
export const READABLE_EVIDENCE_SCHEMAS = ['liangzhao.evidence/1', EVIDENCE_SCHEMA] as const;
export type EvidenceSchema = (typeof READABLE_EVIDENCE_SCHEMAS)[number];

/** What an inspector fills in once and reuses; every field may be empty. */
export interface CaseFields {
  caseNumber: string;
  inspector: string;
  task: string;
}

export const EMPTY_CASE: CaseFields = { caseNumber: '', inspector: '', task: '' };

export type ArtefactKind = 'screenshot' | 'fullpage-screenshot' | 'mhtml' | 'element-html';
export const ARTEFACT_KINDS: readonly ArtefactKind[] = ['screenshot', 'fullpage-screenshot', 'mhtml', 'element-html'];

/** The tallest full-page image, in image pixels: a longer page is cut there, and the record says so. */
export const FULL_PAGE_MAX_HEIGHT = 20_000;

/** Where the window was on the page when the visible screenshot was taken, in CSS pixels (since /2). */
export interface Viewport {
  scrollX: number;
  scrollY: number;
  width: number;
  height: number;
  devicePixelRatio: number;
}

/** What the full-page image holds (since /2): the page from its top down to `capturedHeight` CSS pixels. */
export interface FullPageInfo {
  /** The page's own height in CSS pixels. */
  pageHeight: number;
  capturedHeight: number;
  /** The page was taller than FULL_PAGE_MAX_HEIGHT allows, or could not be scrolled to its end: the image ends early. */
  cut: boolean;
  /** Viewport frames stitched into the image. */
  frames: number;
  /** The image's size in pixels. */
  width: number;
  height: number;
}

/** One captured file, described by its digest; the bytes live in the `blobs` table or in a bundle. */
export interface ArtefactEntry {
  /** The file name it has in a bundle: screenshot.png, fullpage.png, page.mhtml, evidence-html.json. */
  name: string;
  kind: ArtefactKind;
  mediaType: string;
  size: number;
  sha256: string;
}

/** The record's reason for a capture without its MHTML snapshot because the permission was refused. */
export const MHTML_REFUSED = 'permission-refused';

/** An artefact the browser could not give, and why (Firefox has no `pageCapture`). */
export interface AbsentArtefact {
  kind: ArtefactKind;
  reason: string;
}

/**
 * The capture record: everything said about one capture, hashed as canonical JSON. `previous` is the digest of the
 * record before it in the same chain, so removing, reordering or editing any captured audit breaks every later link.
 */
export interface EvidenceRecord {
  schema: EvidenceSchema;
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
  /** Since /2; absent when the page did not say. */
  viewport?: Viewport;
  /** Since /2, with a `fullpage-screenshot` artefact. */
  fullPage?: FullPageInfo;
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
