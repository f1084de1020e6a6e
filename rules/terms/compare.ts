/**
 * The comparison of two versions of one terms document, pure: a clause-level diff (added, removed, changed, with
 * the sentences that differ) and the G2 art. 6 para. 2 / E-Commerce Law art. 34 judgement from the dates the later
 * version states, beside the observation of when it was first seen.
 */
import { dayNumber, splitSentences } from './normalise';
import {
  TERMS_DIFF_SCHEMA,
  type DiffRow,
  type NoticeJudgement,
  type SeenLateObservation,
  type StatedDates,
  type TermsClause,
  type TermsComparison,
  type TermsVersionFacts,
} from './types';

/** G2 art. 6 para. 2, E-Commerce Law art. 34: published at least seven days before it takes effect. */
export const NOTICE_DAYS = 7;
/** Clauses this alike (character-pair overlap) are one clause changed, not one removed and one added. */
const SIMILAR = 0.4;
/** Beyond this many cells the middle of the diff is paired in order instead of by a full LCS table. */
const LCS_LIMIT = 4_000_000;
const PAIRING_LIMIT = 250;

/** The longest common subsequence of equal items, as index pairs in order. */
function commonPairs<T>(a: readonly T[], b: readonly T[], equal: (x: T, y: T) => boolean): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > LCS_LIMIT) return [];
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = equal(a[i], b[j])
        ? table[(i + 1) * (m + 1) + j + 1] + 1
        : Math.max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1]);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (equal(a[i], b[j])) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1]) i++;
    else j++;
  }
  return pairs;
}

function bigrams(text: string): Set<string> {
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) pairs.add(text.slice(i, i + 2));
  return pairs;
}

function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size + y.size === 0) return 1;
  let shared = 0;
  for (const pair of x) if (y.has(pair)) shared++;
  return (2 * shared) / (x.size + y.size);
}

function sentenceChanges(before: string, after: string): Pick<DiffRow, 'removedSentences' | 'addedSentences'> {
  const a = splitSentences(before);
  const b = splitSentences(after);
  const pairs = commonPairs(a, b, (x, y) => x === y);
  const keptA = new Set(pairs.map(([i]) => i));
  const keptB = new Set(pairs.map(([, j]) => j));
  return {
    removedSentences: a.filter((_, i) => !keptA.has(i)),
    addedSentences: b.filter((_, j) => !keptB.has(j)),
  };
}

/**
 * The clauses between two unchanged anchors. First, in order, a later clause alike enough to an earlier one is that
 * clause changed (a renumbered clause included); then, between those, clauses with the same number are one clause
 * rewritten; the rest were removed or added.
 */
function pairGap(before: readonly TermsClause[], after: readonly TermsClause[], b0: number, b1: number, a0: number, a1: number): DiffRow[] {
  const alike: Array<[number, number]> = [];
  if (b1 - b0 <= PAIRING_LIMIT && a1 - a0 <= PAIRING_LIMIT) {
    let next = b0;
    for (let j = a0; j < a1; j++) {
      for (let i = next; i < b1; i++) {
        if (similarity(before[i].text, after[j].text) >= SIMILAR) {
          alike.push([i, j]);
          next = i + 1;
          break;
        }
      }
    }
  }
  const pairs: Array<[number, number]> = [];
  let b = b0;
  let a = a0;
  for (const [i, j] of [...alike, [b1, a1] as [number, number]]) {
    let next = b;
    for (let jj = a; jj < j; jj++) {
      for (let ii = next; ii < i; ii++) {
        if (before[ii].label !== null && before[ii].label === after[jj].label) {
          pairs.push([ii, jj]);
          next = ii + 1;
          break;
        }
      }
    }
    if (i < b1) pairs.push([i, j]);
    b = i + 1;
    a = j + 1;
  }
  const rows: DiffRow[] = [];
  b = b0;
  a = a0;
  for (const [i, j] of [...pairs, [b1, a1] as [number, number]]) {
    for (let k = b; k < i; k++) rows.push({ kind: 'removed', before: k, after: null });
    for (let k = a; k < j; k++) rows.push({ kind: 'added', before: null, after: k });
    if (i < b1) rows.push({ kind: 'changed', before: i, after: j, ...sentenceChanges(before[i].text, after[j].text) });
    b = i + 1;
    a = j + 1;
  }
  return rows;
}

export function diffClauses(before: readonly TermsClause[], after: readonly TermsClause[]): DiffRow[] {
  // The common start and end first: most changes touch a few clauses, so the table stays small.
  let head = 0;
  while (head < before.length && head < after.length && before[head].text === after[head].text) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail].text === after[after.length - 1 - tail].text
  ) tail++;
  const rows: DiffRow[] = [];
  for (let i = 0; i < head; i++) rows.push({ kind: 'same', before: i, after: i });
  const midBefore = before.slice(head, before.length - tail);
  const midAfter = after.slice(head, after.length - tail);
  const anchors = commonPairs(midBefore, midAfter, (x, y) => x.text === y.text);
  let b = head;
  let a = head;
  for (const [i, j] of [...anchors.map(([i, j]): [number, number] => [i + head, j + head]), [before.length - tail, after.length - tail] as [number, number]]) {
    rows.push(...pairGap(before, after, b, i, a, j));
    if (i < before.length - tail) rows.push({ kind: 'same', before: i, after: j });
    b = i + 1;
    a = j + 1;
  }
  for (let k = 0; k < tail; k++) rows.push({ kind: 'same', before: before.length - tail + k, after: after.length - tail + k });
  return rows;
}

/** The notice judgement from a version's own dates: publication (发布, else 更新 / 修订) against effect. */
export function judgeNotice(dates: StatedDates): NoticeJudgement {
  const published = dates.published?.date ?? dates.updated?.date ?? null;
  const onPublication = dates.effective?.onPublication === true;
  const effective = dates.effective?.date ?? null;
  const missing: NoticeJudgement['missing'] = [];
  if (!published && !onPublication) missing.push('published');
  if (!effective && !onPublication) missing.push('effective');
  if (onPublication) return { status: 'fail', published, effective: published, onPublication, days: 0, missing };
  if (!published || !effective) return { status: 'review', published, effective, onPublication, days: null, missing };
  const days = dayNumber(effective) - dayNumber(published);
  return { status: days >= NOTICE_DAYS ? 'pass' : 'fail', published, effective, onPublication, days, missing };
}

/** When the version was first seen less than seven days before it takes effect (by the local calendar date). */
export function seenLate(firstSeen: string | undefined, notice: NoticeJudgement): SeenLateObservation | null {
  if (!firstSeen || !notice.effective) return null;
  const days = dayNumber(notice.effective) - dayNumber(firstSeen.slice(0, 10));
  return days < NOTICE_DAYS ? { firstSeen, effective: notice.effective, days } : null;
}

export function compareTermsVersions(before: TermsVersionFacts, after: TermsVersionFacts): TermsComparison {
  const rows = before.digest === after.digest ? diffClauses(after.clauses, after.clauses) : diffClauses(before.clauses, after.clauses);
  const counts = { same: 0, added: 0, removed: 0, changed: 0 };
  for (const row of rows) counts[row.kind]++;
  const notice = judgeNotice(after.dates);
  return {
    schema: TERMS_DIFF_SCHEMA,
    beforeDigest: before.digest,
    afterDigest: after.digest,
    identical: before.digest === after.digest,
    rows,
    counts,
    notice,
    observation: seenLate(after.firstSeen, notice),
  };
}
