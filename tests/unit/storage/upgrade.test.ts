import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LiangzhaoDatabase } from '@/storage/db';
import { audit, rule } from '../../support/fixtures';

/** The schema version 1 shipped with, written here as it was so the test does not depend on today's class. */
class VersionOneDatabase extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores({
      audits: '++id, host, url, pageType, grade, verdict, score, auditedAtMs, *failedRules, tabId, [host+auditedAtMs]',
      captures: '++id, auditId, capturedAtMs',
      blobs: '++id, captureId',
      settings: 'key',
    });
  }
}

function versionOneRow(i: number) {
  const result = audit({
    url: `https://shop${i % 3}.example.cn/item/${i}`,
    title: `示例商城 商品 ${i}`,
    results: [rule('icp-number', 'filing', i % 2 ? 'fail' : 'pass'), rule('contact-phone', 'contact', 'fail')],
  });
  const failedRules = result.results.filter((r) => r.status === 'fail').map((r) => r.ruleId);
  return {
    url: result.url,
    host: new URL(result.url).hostname,
    title: result.title,
    pageType: result.pageType,
    grade: result.grade,
    verdict: result.verdict,
    score: result.score,
    auditedAtMs: Date.parse(result.auditedAt) + i,
    failedRules,
    tabId: i,
    result,
  };
}

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('database version 2', () => {
  it('upgrades a version 1 database without losing a row, and derives the new fields', async () => {
    const name = 'upgrade-from-v1';
    names.push(name);
    const old = new VersionOneDatabase(name);
    await old.table('audits').bulkAdd(Array.from({ length: 25 }, (_, i) => versionOneRow(i)));
    await old.table('settings').put({ key: 'locale', value: 'en' });
    const before = await old.table('audits').toArray();
    old.close();

    const db = new LiangzhaoDatabase(name);
    const after = await db.audits.orderBy('id').toArray();
    expect(db.verno).toBe(6);
    expect(after).toHaveLength(25);
    for (const [i, row] of after.entries()) {
      const { failedCount, terms, searchText, scoreDescKey, scoreAscKey, ...original } = row;
      expect([scoreDescKey, scoreAscKey]).toEqual([before[i].score, before[i].score]);
      expect(original).toEqual(before[i]);
      expect(failedCount).toBe(before[i].failedRules.length);
      expect(terms).toContain(before[i].host);
      expect(searchText).toContain('示例商城');
    }
    expect(await db.audits.where('failedCount').equals(2).count()).toBe(12);
    expect(await db.audits.where('terms').equals('商品').count()).toBe(25);
    expect(await db.audits.where('[url+auditedAtMs]').between(['https://shop1.example.cn/item/1', 0], ['https://shop1.example.cn/item/1', Infinity]).count()).toBe(1);
    expect(await db.settings.get('locale')).toEqual({ key: 'locale', value: 'en' });
    db.close();
  });
});

describe('database version 3', () => {
  it('gives an N/A audit no score and sorts it after every scored one, either way round, its record untouched', async () => {
    const name = 'upgrade-na-from-v1';
    names.push(name);
    const old = new VersionOneDatabase(name);
    const scored = versionOneRow(1);
    const na = { ...versionOneRow(2), grade: 'N/A', verdict: 'na', score: 0 };
    na.result = { ...na.result, grade: 'N/A', verdict: 'na', score: 0 };
    await old.table('audits').bulkAdd([na, scored, { ...versionOneRow(3), score: 0, grade: 'F' }]);
    old.close();

    const db = new LiangzhaoDatabase(name);
    const rows = await db.audits.orderBy('id').toArray();
    expect(rows.map((row) => row.score)).toEqual([null, scored.score, 0]);
    // The sealed record stays as stored: a capture's digest over it still verifies.
    expect(rows[0].result.score).toBe(0);
    const { queryAudits } = await import('@/storage/audits');
    const order = async (descending: boolean) =>
      (await queryAudits(db, { sort: 'score', descending, offset: 0, limit: 10 })).rows.map((row) => row.score);
    expect(await order(true)).toEqual([scored.score, 0, null]);
    expect(await order(false)).toEqual([0, scored.score, null]);
  });

  it('opens a version 2 database with every audit kept and the batch tables empty', async () => {
    const name = 'upgrade-from-v2';
    names.push(name);
    const v1 = new VersionOneDatabase(name);
    await v1.table('audits').bulkAdd(Array.from({ length: 5 }, (_, i) => versionOneRow(i)));
    v1.close();
    const v2 = new (class extends Dexie {
      constructor() {
        super(name);
        this.version(1).stores({ audits: '++id', captures: '++id', blobs: '++id', settings: 'key' });
        this.version(2).stores({
          audits:
            '++id, host, url, pageType, grade, verdict, score, auditedAtMs, *failedRules, tabId, [host+auditedAtMs], failedCount, *terms, [url+auditedAtMs]',
        });
      }
    })();
    const before = await v2.table('audits').toArray();
    v2.close();

    const db = new LiangzhaoDatabase(name);
    expect(await db.audits.orderBy('id').toArray()).toEqual(before.map((row) => expect.objectContaining(row)));
    expect(await db.batches.count()).toBe(0);
    expect(await db.batchItems.count()).toBe(0);
    await db.audits.update(before[2].id, { batchId: 7, batchItemId: 70 });
    expect((await db.audits.where('batchId').equals(7).toArray()).map((a) => a.id)).toEqual([before[2].id]);
    db.close();
  });
});
