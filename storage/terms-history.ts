import { evaluate } from '@/rules';
import type { AuditResult } from '@/rules/types';
import type { LiangzhaoDatabase } from './db';
import { recordTermsVersion, versionFacts, type TermsHistory } from './terms';

/**
 * Re-judges an audit of a terms page against the terms seen before it: the page was judged without the history
 * first, so terms-change-notice judged the stated dates alone. Same facts, same clock; only the context grows.
 */
export function judgeAgainstHistory(result: AuditResult, history: TermsHistory): AuditResult {
  if (!history.previous) return result;
  return evaluate(result.facts, {
    url: result.url,
    title: result.title,
    mode: result.mode,
    auditedAt: result.auditedAt,
    ...(result.pageType !== result.detectedPageType ? { pageType: result.pageType } : {}),
    locale: result.locale,
    previousTerms: versionFacts(history.previous),
    termsFirstSeen: history.firstSeen,
  });
}

/** Records the version a terms audit saw and returns the audit judged against the one before it. */
export async function trackTermsVersion(db: LiangzhaoDatabase, result: AuditResult): Promise<AuditResult> {
  const doc = result.facts.termsDocument;
  if (!doc) return result;
  try {
    return judgeAgainstHistory(result, await recordTermsVersion(db, doc, result.title, result.auditedAt));
  } catch {
    // An unreadable database must not lose the audit: it is stored (and retried) as judged without the history.
    return result;
  }
}
