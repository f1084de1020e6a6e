import { describe, expect, it } from 'vitest';
import { diffAudits } from '@/entrypoints/dashboard/diff';
import { MAX_TICKS, scoreChart, timeTicks } from '@/entrypoints/dashboard/chart';
import { dayBounds, dateInputValue, langOf } from '@/i18n/dates';
import { auditableUrl, tabIdFromSearch } from '@/entrypoints/popup/tab';
import { nextSort, pageCount, toAuditQuery, EMPTY_FILTERS } from '@/entrypoints/dashboard/model';
import { audit, rule } from '../../../support/fixtures';

describe('diffAudits', () => {
  it('lists the rules whose status changed between two audits of a page', () => {
    const earlier = audit({
      score: 40,
      grade: 'F',
      results: [rule('icp-number', 'filing', 'fail'), rule('contact-details', 'contact', 'pass'), rule('old-rule', 'terms', 'pass')],
    });
    const later = audit({
      score: 90,
      grade: 'A',
      results: [rule('icp-number', 'filing', 'pass'), rule('contact-details', 'contact', 'pass'), rule('new-rule', 'terms', 'review')],
    });
    const diff = diffAudits(earlier, later);
    expect(diff).toMatchObject({ scoreBefore: 40, scoreAfter: 90, gradeBefore: 'F', gradeAfter: 'A' });
    expect(diff.changes.map((c) => [c.ruleId, c.before, c.after])).toEqual([
      ['icp-number', 'fail', 'pass'],
      ['new-rule', null, 'review'],
      ['old-rule', 'pass', null],
    ]);
    expect(diffAudits(later, later).changes).toEqual([]);
  });
});

describe('scoreChart', () => {
  it('places the oldest audit left and score 100 at the top', () => {
    const chart = scoreChart(
      [
        { atMs: 2_000, score: 0 },
        { atMs: 1_000, score: 100 },
        { atMs: 3_000, score: 50 },
      ],
      108,
      58,
      4,
    );
    expect(chart.points).toBe('4,4 54,54 104,29');
  });

  it('centres a single audit and spreads audits made at one instant', () => {
    expect(scoreChart([{ atMs: 5, score: 100 }], 100, 100, 0).points).toBe('50,0');
    expect(scoreChart([{ atMs: 5, score: 0 }, { atMs: 5, score: 0 }], 100, 100, 0).points).toBe('0,100 100,100');
    expect(scoreChart([], 10, 10).points).toBe('');
  });

  it('dates the time axis at local midnights over days, at whole hours within a day, and at the audits otherwise', () => {
    const local = (day: number, hour = 0, minute = 0) => new Date(2026, 10, day, hour, minute).getTime();
    const days = timeTicks(local(1, 15), local(4, 9));
    expect(days).toEqual([2, 3, 4].map((day) => ({ atMs: local(day), unit: 'day' })));
    const month = timeTicks(local(1), local(30));
    expect(month.length).toBeLessThanOrEqual(MAX_TICKS);
    expect(month.every((tick) => tick.unit === 'day' && new Date(tick.atMs).getHours() === 0)).toBe(true);
    expect(timeTicks(local(1, 9, 30), local(1, 12, 10))).toEqual([10, 11, 12].map((hour) => ({ atMs: local(1, hour), unit: 'hour' })));
    expect(timeTicks(local(1, 9, 5), local(1, 9, 40))).toEqual([
      { atMs: local(1, 9, 5), unit: 'time' },
      { atMs: local(1, 9, 40), unit: 'time' },
    ]);
    expect(timeTicks(local(1, 9), local(1, 9))).toEqual([{ atMs: local(1, 9), unit: 'time' }]);
  });

  it('places each tick where an audit at its time would sit', () => {
    const local = (day: number) => new Date(2026, 10, day).getTime();
    const chart = scoreChart([{ atMs: local(1), score: 10 }, { atMs: local(5), score: 90 }], 108, 58, 4);
    expect(chart.ticks.map((tick) => tick.x)).toEqual([4, 29, 54, 79, 104]);
    expect(scoreChart([{ atMs: 5, score: 100 }], 100, 100, 0).ticks).toEqual([{ atMs: 5, unit: 'time', x: 50 }]);
  });
});

describe('format and tab helpers', () => {
  it('turns a date input into inclusive local-day bounds and back', () => {
    const bounds = dayBounds('2026-11-28')!;
    expect(bounds.endMs - bounds.startMs).toBe(24 * 60 * 60 * 1000 - 1);
    expect(dateInputValue(bounds.startMs)).toBe('2026-11-28');
    expect(dayBounds('')).toBeNull();
    expect(dayBounds('28/11/2026')).toBeNull();
    expect(langOf('zh_CN')).toBe('zh-CN');
  });

  it('knows which tabs a content script can run in', () => {
    expect(auditableUrl('https://shop.example.cn/')).toBe(true);
    expect(auditableUrl('http://127.0.0.1:8080/a.html')).toBe(true);
    expect(auditableUrl('chrome://extensions/')).toBe(false);
    expect(auditableUrl('https://chromewebstore.google.com/detail/x')).toBe(false);
    expect(auditableUrl('file:///tmp/a.html')).toBe(false);
    expect(auditableUrl(undefined)).toBe(false);
  });

  it('reads the tab a page was opened for', () => {
    expect(tabIdFromSearch('?tab=42')).toBe(42);
    expect(tabIdFromSearch('?tab=x')).toBeNull();
    expect(tabIdFromSearch('')).toBeNull();
  });
});

describe('dashboard query state', () => {
  it('builds the storage query from the filter bar', () => {
    const query = toAuditQuery(
      { ...EMPTY_FILTERS, text: ' 商城 ', grade: 'F', failedRule: 'icp-number', from: '2026-11-01', to: 'bad' },
      { column: 'score', descending: false },
      2,
      50,
    );
    expect(query).toMatchObject({ text: '商城', grades: ['F'], failedRule: 'icp-number', sort: 'score', offset: 100, limit: 50 });
    expect(query.fromMs).toBe(dayBounds('2026-11-01')!.startMs);
    expect(query).not.toHaveProperty('toMs');
    expect(query).not.toHaveProperty('pageTypes');
  });

  it('flips a column on a second click and starts numbers and time descending', () => {
    expect(nextSort({ column: 'host', descending: false }, 'host')).toEqual({ column: 'host', descending: true });
    expect(nextSort({ column: 'host', descending: false }, 'score')).toEqual({ column: 'score', descending: true });
    expect(nextSort({ column: 'score', descending: true }, 'url')).toEqual({ column: 'url', descending: false });
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(101, 50)).toBe(3);
  });
});
