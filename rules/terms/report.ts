/**
 * The comparison of two versions as plain data that stands on its own (clause texts included): what the command
 * line's `--compare --json` prints and what exports carry. `schema` versions this shape.
 */
import { compareTermsVersions } from './compare';
import { splitSentences } from './normalise';
import type { ClauseChangeKind, NoticeJudgement, SeenLateObservation, StatedDates, TermsClause, TermsDocumentKind, TermsVersionFacts } from './types';

export const TERMS_COMPARE_SCHEMA = 'liangzhao.terms-compare/1';
export const NOTICE_BASIS = ['G2 art. 6 para. 2', 'E-Commerce Law art. 34'] as const;

export interface VersionSummary {
  /** What was read: a file path or URL, or a stored version's first-seen time. */
  source: string;
  canonicalUrl: string;
  kind: TermsDocumentKind;
  digest: string;
  clauseCount: number;
  dates: StatedDates;
  firstSeen?: string;
}

export interface ReportedClause {
  index: number;
  label: string | null;
  text: string;
}

export interface ReportedChange {
  kind: Exclude<ClauseChangeKind, 'same'>;
  before: ReportedClause | null;
  after: ReportedClause | null;
  removedSentences: string[];
  addedSentences: string[];
}

export interface TermsCompareReport {
  schema: typeof TERMS_COMPARE_SCHEMA;
  before: VersionSummary;
  after: VersionSummary;
  identical: boolean;
  counts: { same: number; added: number; removed: number; changed: number };
  changes: ReportedChange[];
  notice: NoticeJudgement & { basis: readonly string[] };
  observation: SeenLateObservation | null;
}

export type ComparedVersion = TermsVersionFacts & { canonicalUrl: string; kind: TermsDocumentKind };

function summary(version: ComparedVersion, source: string): VersionSummary {
  return {
    source,
    canonicalUrl: version.canonicalUrl,
    kind: version.kind,
    digest: version.digest,
    clauseCount: version.clauses.length,
    dates: version.dates,
    ...(version.firstSeen ? { firstSeen: version.firstSeen } : {}),
  };
}

function clauseAt(clauses: readonly TermsClause[], index: number | null): ReportedClause | null {
  return index === null ? null : { index, label: clauses[index].label, text: clauses[index].text };
}

export function compareReport(before: ComparedVersion, after: ComparedVersion, sources: [string, string]): TermsCompareReport {
  const comparison = compareTermsVersions(before, after);
  const changes: ReportedChange[] = [];
  for (const row of comparison.rows) {
    if (row.kind === 'same') continue;
    changes.push({
      kind: row.kind,
      before: clauseAt(before.clauses, row.before),
      after: clauseAt(after.clauses, row.after),
      removedSentences: row.removedSentences ?? (row.kind === 'removed' ? splitSentences(before.clauses[row.before!].text) : []),
      addedSentences: row.addedSentences ?? (row.kind === 'added' ? splitSentences(after.clauses[row.after!].text) : []),
    });
  }
  return {
    schema: TERMS_COMPARE_SCHEMA,
    before: summary(before, sources[0]),
    after: summary(after, sources[1]),
    identical: comparison.identical,
    counts: comparison.counts,
    changes,
    notice: { ...comparison.notice, basis: NOTICE_BASIS },
    observation: comparison.observation,
  };
}
