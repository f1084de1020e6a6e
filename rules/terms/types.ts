/**
 * A terms document as the engine reads it: its clauses, the dates it states and a digest of its clause text. A
 * version is one distinct digest of one document (its canonical URL); the comparison is a pure function of two.
 */

export const TERMS_DIFF_SCHEMA = 'liangzhao.terms-diff/1';

export type TermsDocumentKind = 'agreement' | 'privacy-policy';

/** One numbered clause (第三条, 3.1, 一、), or one paragraph when the text has no numbering. */
export interface TermsClause {
  /** The number as written (`第三条`, `3.1`), or null for a paragraph or the preamble. */
  label: string | null;
  /** Normalised text of the clause: its heading line and the paragraphs under it. */
  text: string;
  /** Where the clause starts on the page, for showing evidence; not part of the digest. */
  selector?: string;
}

/** A date the document states, with the words it was read from so a result can quote them. */
export interface StatedDate {
  /** `YYYY-MM-DD`; null when the document says "on publication" instead of a date. */
  date: string | null;
  quote: string;
  selector: string;
}

export interface StatedDates {
  published?: StatedDate;
  updated?: StatedDate;
  /** `date: null` with `onPublication` for "自发布之日起生效" or "一经公布即生效". */
  effective?: StatedDate & { onPublication?: boolean };
  version?: { value: string; quote: string; selector: string };
}

export interface TermsDocument {
  /** The document a version belongs to: the canonical link, else the URL without fragment and tracking. */
  canonicalUrl: string;
  kind: TermsDocumentKind;
  clauses: TermsClause[];
  dates: StatedDates;
  /** SHA-256 (hex) of the normalised clause texts, one per line: nothing outside the clauses counts. */
  digest: string;
  /** True when the page held more clause text than a stored version keeps (the rest is left out of the digest). */
  truncated?: boolean;
}

/** What the comparison and the rule need of an earlier version: its clauses, dates and when it was first seen. */
export interface TermsVersionFacts {
  digest: string;
  clauses: TermsClause[];
  dates: StatedDates;
  /** ISO 8601 with offset. */
  firstSeen?: string;
}

export type ClauseChangeKind = 'same' | 'added' | 'removed' | 'changed';

/** One row of the side-by-side diff: indexes into the earlier and the later version's clauses. */
export interface DiffRow {
  kind: ClauseChangeKind;
  before: number | null;
  after: number | null;
  /** For a changed clause: the sentences only the earlier or only the later version has. */
  removedSentences?: string[];
  addedSentences?: string[];
}

export type NoticeStatus = 'pass' | 'fail' | 'review';

/** G2 art. 6 para. 2 / E-Commerce Law art. 34 from the dates a version states. */
export interface NoticeJudgement {
  status: NoticeStatus;
  /** The publication date read (发布, else 更新/修订), `YYYY-MM-DD`. */
  published: string | null;
  effective: string | null;
  onPublication: boolean;
  /** Days from publication to effect, when both are dates. */
  days: number | null;
  /** Which dates the version does not state: 'published', 'effective'. */
  missing: Array<'published' | 'effective'>;
}

/** The inspector's note: this version was first seen less than seven days before it takes effect. */
export interface SeenLateObservation {
  firstSeen: string;
  effective: string;
  /** Days from first seen to effect; negative when first seen after it took effect. */
  days: number;
}

export interface TermsComparison {
  schema: typeof TERMS_DIFF_SCHEMA;
  beforeDigest: string;
  afterDigest: string;
  identical: boolean;
  rows: DiffRow[];
  counts: { same: number; added: number; removed: number; changed: number };
  notice: NoticeJudgement;
  observation: SeenLateObservation | null;
}
