/** A stored terms version and how audits become versions: plain data, no database (the schema upgrade uses it). */
import type { AuditResult } from '@/rules/types';
import type { StatedDates, TermsClause, TermsDocument, TermsDocumentKind, TermsVersionFacts } from '@/rules/terms/types';

export interface StoredTermsVersion {
  id?: number;
  canonicalUrl: string;
  kind: TermsDocumentKind;
  title: string;
  digest: string;
  clauses: TermsClause[];
  dates: StatedDates;
  truncated?: boolean;
  /** ISO 8601 with offset, as the audits that saw it were stamped. */
  firstSeen: string;
  lastSeen: string;
  firstSeenMs: number;
  lastSeenMs: number;
  seenCount: number;
}

export function newVersion(doc: TermsDocument, title: string, seenAt: string): StoredTermsVersion {
  const ms = Date.parse(seenAt);
  return {
    canonicalUrl: doc.canonicalUrl,
    kind: doc.kind,
    title,
    digest: doc.digest,
    clauses: doc.clauses,
    dates: doc.dates,
    ...(doc.truncated ? { truncated: true } : {}),
    firstSeen: seenAt,
    lastSeen: seenAt,
    firstSeenMs: ms,
    lastSeenMs: ms,
    seenCount: 1,
  };
}

/** The versions audits already carry, oldest first, for the schema upgrade (pure: no database). */
export function termsVersionsFromAudits(results: readonly AuditResult[]): StoredTermsVersion[] {
  const byKey = new Map<string, StoredTermsVersion>();
  for (const result of [...results].sort((a, b) => Date.parse(a.auditedAt) - Date.parse(b.auditedAt))) {
    const doc = result.facts.termsDocument;
    if (!doc) continue;
    const key = `${doc.canonicalUrl}\n${doc.digest}`;
    const known = byKey.get(key);
    if (known) Object.assign(known, { lastSeen: result.auditedAt, lastSeenMs: Date.parse(result.auditedAt), seenCount: known.seenCount + 1 });
    else byKey.set(key, newVersion(doc, result.title, result.auditedAt));
  }
  return [...byKey.values()];
}


/** What terms-change-notice and the comparison need of a version. */
export function versionFacts(version: Pick<StoredTermsVersion, 'digest' | 'clauses' | 'dates' | 'firstSeen'>): TermsVersionFacts {
  return { digest: version.digest, clauses: version.clauses, dates: version.dates, firstSeen: version.firstSeen };
}
