import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LiangzhaoDatabase, toStoredAudit, type StoredAudit } from '@/storage/db';
import { createAuditWriter } from '@/storage/audit-writer';
import { applyRetention, deleteAll, deleteAudit, deleteSite, latestAudits, queryAudits } from '@/storage/audits';
import { auditRowOf } from '@/storage/audit-rows';
import { auditIdsFor, entrySource, importJsonText } from '@/evidence/export/import';
import { buildJsonExport } from '@/evidence/export/json';
import { audit, rule } from '../../support/fixtures';

/** Version 5 as it shipped (every table, its last indexes), so the test does not depend on today's class. */
class VersionFiveDatabase extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(5).stores({
      audits:
        '++id, host, url, pageType, grade, verdict, score, auditedAtMs, *failedRules, tabId, [host+auditedAtMs], failedCount, *terms, [url+auditedAtMs], scoreDescKey, scoreAscKey, batchId',
      captures: '++id, auditId, capturedAtMs',
      blobs: '++id, captureId',
      settings: 'key',
      termsVersions: '++id, canonicalUrl, &[canonicalUrl+digest], [canonicalUrl+firstSeenMs], lastSeenMs',
      batches: '++id, createdAtMs, state',
      batchItems: '++id, batchId, [batchId+index], [batchId+state], tabId',
    });
  }
}

const T0 = Date.parse('2026-11-01T00:00:00Z');

function storedAudit(i: number, host = ['mall.example.cn', 'shop.taobao.test'][i % 2]): StoredAudit {
  return toStoredAudit(
    audit({
      url: `https://${host}/item/${i}`,
      title: `示例商城 商品 ${i}`,
      auditedAt: new Date(T0 + i * 60_000).toISOString(),
      score: 40 + i,
      results: [rule('icp-number', 'filing', i % 2 ? 'fail' : 'pass'), rule('contact-phone', 'contact', 'fail')],
    }),
    i,
  );
}

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function freshDb(): LiangzhaoDatabase {
  const name = `rows-${Math.random()}`;
  names.push(name);
  return new LiangzhaoDatabase(name);
}

/** Every audit's row as it should be, against the rows stored. */
async function expectRowsInStep(db: LiangzhaoDatabase) {
  const expected = (await db.audits.orderBy('id').toArray()).map((stored) => auditRowOf(stored));
  expect(await db.auditRows.orderBy('id').toArray()).toEqual(expected);
}

describe('database version 6: the history rows', () => {
  it('gives every audit of a version 5 database its row, the audits themselves untouched', async () => {
    const name = `upgrade-from-v5-${Math.random()}`;
    names.push(name);
    const old = new VersionFiveDatabase(name);
    await old.table('audits').bulkAdd(Array.from({ length: 30 }, (_, i) => storedAudit(i)));
    await old.table('audits').update(3, { captureId: 9, batchId: 2, batchItemId: 20 });
    const before = await old.table('audits').orderBy('id').toArray();
    old.close();

    const db = new LiangzhaoDatabase(name);
    expect(await db.audits.orderBy('id').toArray()).toEqual(before);
    const rows = await db.auditRows.orderBy('id').toArray();
    expect(db.verno).toBe(6);
    expect(rows).toHaveLength(30);
    for (const [i, row] of rows.entries()) {
      expect(row).not.toHaveProperty('result');
      expect({ ...row, result: before[i].result }).toEqual(before[i]);
    }
    expect(rows[2]).toMatchObject({ id: 3, captureId: 9, batchId: 2 });
    // The rows' own indexes answer the history's filters and sorts.
    expect(await db.auditRows.where('failedRules').equals('icp-number').count()).toBe(15);
    expect(await db.auditRows.where('terms').equals('商品').count()).toBe(30);
    expect((await queryAudits(db, { host: 'mall.example.cn', sort: 'score', descending: true, offset: 0, limit: 3 })).rows.map((r) => r.id)).toEqual([29, 27, 25]);
    expect((await latestAudits(db, 2)).map((r) => r.id)).toEqual([30, 29]);
    db.close();
  });

  it('upgrades an empty version 5 database to an empty rows table', async () => {
    const name = `upgrade-empty-v5-${Math.random()}`;
    names.push(name);
    const old = new VersionFiveDatabase(name);
    await old.open();
    old.close();
    const db = new LiangzhaoDatabase(name);
    expect(await db.auditRows.count()).toBe(0);
    db.close();
  });
});

describe('the history rows stay in step with the audits', () => {
  it('on every write: the audit writer, an update, a bulk add, a transaction that takes only the audits', async () => {
    const db = freshDb();
    const writer = createAuditWriter(db);
    const { auditId } = await writer.save(storedAudit(1));
    expect(await db.auditRows.get(auditId!)).toEqual(auditRowOf({ ...storedAudit(1), id: auditId! }));

    await db.audits.update(auditId!, { captureId: 4 });
    expect((await db.auditRows.get(auditId!))?.captureId).toBe(4);
    await db.audits.bulkAdd([storedAudit(2), storedAudit(3)]);
    await db.audits.where('host').equals('mall.example.cn').modify({ title: '改名' });
    await db.transaction('rw', db.audits, db.captures, async () => {
      await db.audits.put({ ...storedAudit(5), id: 40 });
    });
    await expectRowsInStep(db);
    expect((await db.auditRows.get(40))?.url).toBe('https://shop.taobao.test/item/5');
    db.close();
  });

  it('writes neither the audit nor its row when the transaction fails', async () => {
    const db = freshDb();
    await expect(
      db.transaction('rw', db.audits, async () => {
        await db.audits.add(storedAudit(1));
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect([await db.audits.count(), await db.auditRows.count()]).toEqual([0, 0]);
    db.close();
  });

  it('on every deletion: one audit, a site, retention, everything', async () => {
    const db = freshDb();
    await db.audits.bulkAdd(Array.from({ length: 12 }, (_, i) => storedAudit(i, i < 4 ? 'gone.example.cn' : undefined)));
    await deleteAudit(db, 7);
    await deleteSite(db, 'gone.example.cn');
    await applyRetention(db, { keepDays: null, keepCount: 5 }, T0);
    await expectRowsInStep(db);
    expect(await db.auditRows.count()).toBe(5);
    await deleteAll(db);
    expect([await db.audits.count(), await db.auditRows.count()]).toEqual([0, 0]);
    db.close();
  });

  it('on an import: each imported audit gets its row, the ones already there are not doubled', async () => {
    const source = freshDb();
    await source.audits.bulkAdd(Array.from({ length: 6 }, (_, i) => storedAudit(i)));
    const exported = entrySource(source, await auditIdsFor(source, 'all'));
    const text = await (await buildJsonExport(exported, { exportedAt: '2026-11-29T10:00:00.000+08:00', extensionVersion: '0.1.0' })).text();

    const target = freshDb();
    await target.audits.add(storedAudit(2));
    const result = await importJsonText(target, text);
    expect(result).toEqual({ ok: true, outcome: { added: 5, skipped: 1, captures: 0 } });
    await expectRowsInStep(target);
    expect((await queryAudits(target, { sort: 'auditedAtMs', descending: true, offset: 0, limit: 50 })).total).toBe(6);
    source.close();
    target.close();
  });
});
