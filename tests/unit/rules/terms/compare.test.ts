import { describe, expect, it } from 'vitest';
import { compareTermsVersions, diffClauses, judgeNotice, seenLate } from '@/rules/terms/compare';
import type { TermsClause } from '@/rules/terms/types';
import { termsDocument, termsHtml } from '../../../support/terms';

const clause = (label: string | null, text: string): TermsClause => ({ label, text });

describe('clause diff', () => {
  it('finds the changed clause with its sentences, the added and the removed one', () => {
    const v1 = termsDocument(termsHtml('agreement-v1'));
    const v2 = termsDocument(termsHtml('agreement-v2-pass'));
    const comparison = compareTermsVersions(v1, v2);
    expect(comparison.identical).toBe(false);
    expect(comparison.counts).toEqual({ same: 3, added: 1, removed: 0, changed: 3 });
    const changed = comparison.rows.filter((row) => row.kind === 'changed');
    // The preamble (its dates) and 第二条 changed; 第五条 was renumbered 第六条, its words kept.
    expect(changed.map((row) => v2.clauses[row.after!].label)).toEqual([null, '第二条', '第六条']);
    expect(changed[2]).toMatchObject({ removedSentences: ['第五条争议解决'], addedSentences: ['第六条争议解决'] });
    expect(changed[1]).toMatchObject({
      removedSentences: ['因您保管不善造成的损失，平台将协助您挽回。'],
      addedSentences: ['因您保管不善造成的损失由您自行承担。'],
    });
    const added = comparison.rows.filter((row) => row.kind === 'added').map((row) => v2.clauses[row.after!].label);
    expect(added).toEqual(['第五条']);
  });

  it('pairs clauses by number, and unlike clauses as removed and added', () => {
    const rows = diffClauses(
      [clause('第一条', '第一条 甲'), clause('第二条', '第二条 乙乙乙'), clause(null, '完全不同的旧段落内容')],
      [clause('第一条', '第一条 甲'), clause('第二条', '第二条 丙'), clause(null, 'an entirely new paragraph')],
    );
    expect(rows.map((row) => row.kind)).toEqual(['same', 'changed', 'removed', 'added']);
  });

  it('keeps every clause of both sides exactly once, in order', () => {
    const before = Array.from({ length: 60 }, (_, i) => clause(`${i + 1}`, `${i + 1} 条款内容${i}`));
    const after = [...before.slice(0, 20), clause(null, '插入的新条款'), ...before.slice(25).map((c, i) => (i === 3 ? clause(c.label, c.text + '修改') : c))];
    const rows = diffClauses(before, after);
    expect(rows.filter((row) => row.before !== null).map((row) => row.before)).toEqual(before.map((_, i) => i));
    expect(rows.filter((row) => row.after !== null).map((row) => row.after)).toEqual(after.map((_, i) => i));
  });

  it('is identical, with every row the same, for one digest', () => {
    const v1 = termsDocument(termsHtml('agreement-v1'));
    const comparison = compareTermsVersions(v1, termsDocument(termsHtml('agreement-v1-revisit')));
    expect(comparison.identical).toBe(true);
    expect(comparison.rows.every((row) => row.kind === 'same')).toBe(true);
  });
});

describe('notice judgement (G2 art. 6 para. 2, E-Commerce Law art. 34)', () => {
  const at = (date: string) => ({ date, quote: date, selector: 'p' });

  it('passes at seven days between publication and effect', () => {
    expect(judgeNotice({ updated: at('2026-11-20'), effective: at('2026-11-27') })).toMatchObject({ status: 'pass', days: 7, published: '2026-11-20' });
  });

  it('prefers the publication date to the update date', () => {
    expect(judgeNotice({ published: at('2026-11-25'), updated: at('2026-11-01'), effective: at('2026-11-27') })).toMatchObject({ status: 'fail', days: 2 });
  });

  it('fails at six days, on publication, and when effect precedes publication', () => {
    expect(judgeNotice({ published: at('2026-11-21'), effective: at('2026-11-27') })).toMatchObject({ status: 'fail', days: 6 });
    expect(judgeNotice({ published: at('2026-11-21'), effective: { date: null, onPublication: true, quote: '', selector: '' } })).toMatchObject({ status: 'fail', days: 0, onPublication: true });
    expect(judgeNotice({ published: at('2026-11-27'), effective: at('2026-11-20') })).toMatchObject({ status: 'fail', days: -7 });
  });

  it('asks for review, naming what is missing, when a date is not stated', () => {
    expect(judgeNotice({ updated: at('2026-11-25') })).toMatchObject({ status: 'review', missing: ['effective'] });
    expect(judgeNotice({})).toMatchObject({ status: 'review', missing: ['published', 'effective'] });
  });

  it('observes a version first seen less than seven days before it takes effect, by local date', () => {
    const notice = judgeNotice({ updated: at('2026-11-01'), effective: at('2026-11-27') });
    expect(seenLate('2026-11-24T23:30:00+08:00', notice)).toEqual({ firstSeen: '2026-11-24T23:30:00+08:00', effective: '2026-11-27', days: 3 });
    expect(seenLate('2026-11-20T00:10:00+08:00', notice)).toBeNull();
    expect(seenLate(undefined, notice)).toBeNull();
  });
});
