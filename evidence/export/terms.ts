/**
 * A terms page's place among the versions of its document, as the exports carry it: every version stored, which one
 * the audit saw, and the clause diff and seven-day judgement against the version before it.
 */
import { compareTermsVersions } from '@/rules/terms/compare';
import type { TermsComparison, TermsDocument } from '@/rules/terms/types';
import { versionFacts, type StoredTermsVersion } from '@/storage/terms-versions';

/** A stored version without its database id. */
export type TermsVersionRecord = Omit<StoredTermsVersion, 'id'>;

export interface TermsTrail {
  canonicalUrl: string;
  /** Every stored version of the document, oldest first. */
  versions: TermsVersionRecord[];
  /** The index in `versions` of the version the audit saw; null when it is not stored. */
  seen: number | null;
  /** The seen version against the one before it; null for the first version (or one not stored). */
  change: TermsComparison | null;
}

export function versionRecord(version: StoredTermsVersion): TermsVersionRecord {
  const { id: _id, ...record } = version;
  return record;
}

export function termsTrail(doc: TermsDocument, versions: readonly StoredTermsVersion[]): TermsTrail {
  const records = versions.map(versionRecord);
  const index = records.findIndex((version) => version.digest === doc.digest);
  const seen = index >= 0 ? index : null;
  const before = seen !== null && seen > 0 ? records[seen - 1] : null;
  const change = before && seen !== null ? compareTermsVersions(versionFacts(before), versionFacts(records[seen])) : null;
  return { canonicalUrl: doc.canonicalUrl, versions: records, seen, change };
}
