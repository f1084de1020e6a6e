import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDashboardModel } from '@/entrypoints/dashboard/model';
import { LiangzhaoDatabase, toStoredAudit } from '@/storage/db';
import { audit, rule } from '../../../support/fixtures';

let db: LiangzhaoDatabase;
let n = 0;
const until = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true));

function stored(i: number, host = 'a.example.cn') {
  return toStoredAudit(
    audit({
      url: `https://${host}/p`,
      title: i % 2 ? '天猫超市' : 'market',
      score: i * 10,
      grade: i > 5 ? 'B' : 'F',
      auditedAt: new Date(Date.UTC(2026, 10, 1 + i)).toISOString(),
      results: [rule('icp-number', 'filing', i % 2 ? 'fail' : 'pass')],
    }),
  );
}

beforeEach(async () => {
  db = new LiangzhaoDatabase(`dashboard-${n++}`);
  await db.audits.bulkAdd([...Array.from({ length: 8 }, (_, i) => stored(i)), stored(8, 'b.example.cn')]);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('dashboard model', () => {
  it('lists, pages, filters, searches after a pause in typing, and sorts', async () => {
    const model = createDashboardModel(db, { pageSize: 4, searchDelayMs: 20 });
    await until(() => model.total.value === 9);
    expect(model.pages.value).toBe(3);
    expect(model.listing.value.rows[0].host).toBe('b.example.cn');

    model.goToPage(2);
    await until(() => model.listing.value.rows.length === 1);

    model.setFilter('grade', 'B');
    expect(model.page.value).toBe(0);
    await until(() => model.total.value === 3);

    model.typeSearch('超市');
    expect(model.filters.value.text).toBe('');
    await until(() => model.total.value === 1);

    model.clearFilters();
    model.sortBy('score');
    await until(() => model.total.value === 9 && model.listing.value.rows[0].score === 80);
    expect(model.hosts.value).toEqual([]);
    model.view.value = 'settings';
    await until(() => model.hosts.value.length === 2);
    expect(model.hosts.value).toEqual(['a.example.cn', 'b.example.cn']);
    model.dispose();
  });

  it('shows a site over time, compares two audits of a page, and updates live', async () => {
    const model = createDashboardModel(db);
    model.openSite('a.example.cn');
    await until(() => model.siteAudits.value.length === 8);
    model.compare('https://a.example.cn/p');
    await until(() => model.diff.value !== null);
    expect(model.diff.value!.changes.map((c) => [c.ruleId, c.before, c.after])).toEqual([['icp-number', 'pass', 'fail']]);

    await db.audits.add(stored(9));
    await until(() => model.siteAudits.value.length === 9);
    await model.deleteSite('a.example.cn');
    await until(() => model.siteAudits.value.length === 0);
    await until(() => model.total.value === 1);
    model.dispose();
  });

  it('saves settings and applies retention at once', async () => {
    const model = createDashboardModel(db);
    await model.setLocale('en');
    await until(() => model.locale.value === 'en');
    expect(await model.setRetention({ keepDays: null, keepCount: 5 })).toBe(4);
    await until(() => model.total.value === 5);
    await model.deleteAll();
    await until(() => model.total.value === 0);
    model.dispose();
  });
});
