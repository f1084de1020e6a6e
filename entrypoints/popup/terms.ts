import { compareTermsVersions } from '@/rules/terms/compare';
import type { TermsComparison } from '@/rules/terms/types';
import type { AuditResult } from '@/rules/types';
import type { LiangzhaoDatabase } from '@/storage/db';
import { termsHistory, versionFacts } from '@/storage/terms';
import { judgeAgainstHistory } from '@/storage/terms-history';

/** What the popup says of a terms page's version: when it was first seen and how it differs from the last one. */
export interface TermsPanelState {
  canonicalUrl: string;
  firstSeen: string;
  /** Versions stored for this document, this one included once recorded. */
  versions: number;
  previousFirstSeen: string | null;
  /** Against the version seen before this one; null when this is the first version seen. */
  comparison: TermsComparison | null;
}

/**
 * Reads a terms audit's place in the stored history (without writing: the background records) and the audit
 * judged against it, as the background stored it.
 */
/** The terms block of the popup, and the audit judged against the version seen before. */
export interface TermsPanelLoad {
  panel: TermsPanelState;
  judged: AuditResult;
}

export async function loadTermsPanel(db: LiangzhaoDatabase, result: AuditResult, nowIso: string): Promise<TermsPanelLoad | null> {
  const doc = result.facts.termsDocument;
  if (!doc) return null;
  const history = await termsHistory(db, doc, nowIso);
  const previous = history.previous;
  const comparison = previous ? compareTermsVersions(versionFacts(previous), { ...doc, firstSeen: history.firstSeen }) : null;
  return {
    panel: {
      canonicalUrl: doc.canonicalUrl,
      firstSeen: history.firstSeen,
      versions: history.versions.length + (history.current ? 0 : 1),
      previousFirstSeen: previous?.firstSeen ?? null,
      comparison,
    },
    judged: judgeAgainstHistory(result, history),
  };
}

/** The dashboard's terms view for one document: the link the popup gives. */
export function termsDiffUrl(dashboardUrl: string, canonicalUrl: string): string {
  return `${dashboardUrl}#terms=${encodeURIComponent(canonicalUrl)}`;
}
