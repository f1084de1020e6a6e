import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LiangzhaoDatabase, toStoredAudit, type StoredAudit } from '@/storage/db';
import { packAudit, packedAuditsMiddleware, unpackAudit } from '@/storage/packed-audits';
import type { DBCore, DBCoreCursor, DBCoreTable } from 'dexie';
import { auditDigest } from '@/evidence/seal/record';
import { AUDIT_ROWS } from '@/storage/audit-rows';
import { audit, rule } from '../../support/fixtures';
import { hostileAudit } from '../evidence/helpers';

/** Version 6 as it shipped (every table, its last indexes), so the test does not depend on today's class. */
class VersionSixDatabase extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(6).stores({
      audits:
        '++id, host, url, pageType, grade, verdict, score, auditedAtMs, *failedRules, tabId, [host+auditedAtMs], failedCount, *terms, [url+auditedAtMs], scoreDescKey, scoreAscKey, batchId',
      captures: '++id, auditId, capturedAtMs',
      blobs: '++id, captureId',
      settings: 'key',
      termsVersions: '++id, canonicalUrl, &[canonicalUrl+digest], [canonicalUrl+firstSeenMs], lastSeenMs',
      batches: '++id, createdAtMs, state',
      batchItems: '++id, batchId, [batchId+index], [batchId+state], tabId',
      [AUDIT_ROWS]: 'id, host, url, pageType, grade, auditedAtMs, *failedRules, failedCount, *terms, scoreDescKey, scoreAscKey',
    });
  }
}

const T0 = Date.parse('2026-11-01T00:00:00Z');

function storedAudit(i: number): StoredAudit {
  const base = i % 3 === 2 ? hostileAudit() : audit({ results: [rule('icp-number', 'filing', i % 2 ? 'fail' : 'pass'), rule('contact-phone', 'contact', 'fail')] });
  return toStoredAudit({ ...base, url: `https://mall${i % 4}.example.cn/item/${i}`, title: `示例商城 商品 ${i}`, auditedAt: new Date(T0 + i * 60_000).toISOString() }, i);
}

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function named(prefix: string): string {
  const name = `${prefix}-${Math.random()}`;
  names.push(name);
  return name;
}

/** The audits' rows as IndexedDB holds them, below Dexie and its middlewares. */
function rawRows(name: string): Promise<Array<Record<string, unknown>>> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction('audits').objectStore('audits').getAll();
      request.onsuccess = () => {
        open.result.close();
        resolve(request.result as Array<Record<string, unknown>>);
      };
      request.onerror = () => reject(request.error);
    };
  });
}

describe('packed audit records', () => {
  it('stores each record deflated, and every way of reading gives the record back as it was written', async () => {
    const name = named('packed');
    const db = new LiangzhaoDatabase(name);
    const written = Array.from({ length: 12 }, (_, i) => storedAudit(i));
    await db.audits.add(written[0]);
    await db.audits.bulkAdd(written.slice(1));

    const raw = await rawRows(name);
    expect(raw).toHaveLength(12);
    for (const [i, row] of raw.entries()) {
      expect(row).not.toHaveProperty('result');
      expect(row.packedResult).toBeInstanceOf(Uint8Array);
      expect((row.packedResult as Uint8Array).length).toBeLessThan(JSON.stringify(written[i].result).length);
    }

    const withIds = written.map((row, i) => ({ ...row, id: i + 1 }));
    expect(await db.audits.get(1)).toEqual(withIds[0]);
    expect(await db.audits.bulkGet([3, 1, 99])).toEqual([withIds[2], withIds[0], undefined]);
    expect(await db.audits.orderBy('id').toArray()).toEqual(withIds);
    expect(await db.audits.where('host').equals('mall1.example.cn').toArray()).toEqual(withIds.filter((row) => row.host === 'mall1.example.cn'));
    const iterated: StoredAudit[] = [];
    await db.audits.each((row) => iterated.push(row));
    expect(iterated).toEqual(withIds);
    // A page of the history read with a cursor (offset and limit), as the dashboard's filters do.
    expect(await db.audits.orderBy('auditedAtMs').reverse().offset(2).limit(3).toArray()).toEqual(withIds.slice(7, 10).reverse());
    db.close();
  });

  it('keeps what seals a record: the digest of each record read back is the digest of the one written', async () => {
    const db = new LiangzhaoDatabase(named('packed-digest'));
    const written = Array.from({ length: 6 }, (_, i) => storedAudit(i));
    await db.audits.bulkAdd(written);
    const read = await db.audits.orderBy('id').toArray();
    for (const [i, row] of read.entries()) expect(await auditDigest(row.result)).toBe(await auditDigest(written[i].result));
    db.close();
  });

  it('packs an update and a modify again, and keeps the history rows without the record', async () => {
    const name = named('packed-update');
    const db = new LiangzhaoDatabase(name);
    await db.audits.bulkAdd([storedAudit(0), storedAudit(1)]);
    await db.audits.update(1, { captureId: 7 });
    await db.audits.toCollection().modify((row) => {
      row.result = { ...row.result, title: `${row.result.title}（改）` };
    });
    const read = await db.audits.orderBy('id').toArray();
    expect(read.map((row) => row.result.title)).toEqual(['示例商城 商品 0（改）', '示例商城 商品 1（改）']);
    expect(read[0].captureId).toBe(7);
    for (const row of await rawRows(name)) expect(Object.keys(row)).not.toContain('result');
    for (const row of await db.auditRows.toArray()) {
      expect(row).not.toHaveProperty('result');
      expect(row).not.toHaveProperty('packedResult');
    }
    db.close();
  });

  it('reads a row whose record is still an object, as every row before version 7 was', async () => {
    const row = storedAudit(2);
    expect(unpackAudit(row)).toBe(row);
    expect(unpackAudit(packAudit(row))).toEqual(row);
    expect(unpackAudit(undefined)).toBeUndefined();
    // A row without a record (a partial write) is written as it is.
    const partial: { url: string; result?: unknown } = { url: 'https://a.example.cn/' };
    expect(packAudit(partial)).toEqual(partial);
  });
});

/**
 * A cursor as a browser's IndexedDB makes one: its key, primary key and value are accessors that work only on the
 * cursor itself (private fields here, a brand check in Chromium), so a wrapper must not let them run on itself.
 */
class BrandedCursor {
  #key: unknown;
  #primaryKey: unknown;
  #value: unknown;
  constructor(key: unknown, primaryKey: unknown, value: unknown) {
    this.#key = key;
    this.#primaryKey = primaryKey;
    this.#value = value;
  }
  get key() {
    return this.#key;
  }
  get primaryKey() {
    return this.#primaryKey;
  }
  get value() {
    return this.#value;
  }
}

describe('the packing layer on a browser cursor', () => {
  it('reads the key, the primary key and the unpacked value of a cursor whose accessors check their receiver', async () => {
    const row = storedAudit(1);
    const cursor = new BrandedCursor(['https://mall1.example.cn/item/1', 5], 7, packAudit(row)) as unknown as DBCoreCursor;
    const table = { name: 'audits', openCursor: async () => cursor } as unknown as DBCoreTable;
    const core = packedAuditsMiddleware.create({ table: () => table } as unknown as DBCore);
    const wrapped = await core.table!('audits').openCursor({ trans: {} as IDBTransaction, values: true, query: { index: {} as never, range: {} as never } });
    expect(wrapped!.key).toEqual(['https://mall1.example.cn/item/1', 5]);
    expect(wrapped!.primaryKey).toBe(7);
    expect(wrapped!.value).toEqual(row);
    expect(wrapped!.value).toBe(wrapped!.value);
  });
});

describe('database version 7', () => {
  it('packs every audit of a version 6 database, losing nothing, and the rows stay as they were', async () => {
    const name = named('upgrade-from-v6');
    const old = new VersionSixDatabase(name);
    const written = Array.from({ length: 600 }, (_, i) => storedAudit(i));
    await old.table('audits').bulkAdd(written);
    await old.table(AUDIT_ROWS).bulkAdd(written.map(({ result: _record, ...row }, i) => ({ ...row, id: i + 1 })));
    const rowsBefore = await old.table(AUDIT_ROWS).orderBy('id').toArray();
    old.close();

    const db = new LiangzhaoDatabase(name);
    const after = await db.audits.orderBy('id').toArray();
    expect(db.verno).toBe(7);
    expect(after).toEqual(written.map((row, i) => ({ ...row, id: i + 1 })));
    const raw = await rawRows(name);
    expect(raw.filter((row) => 'result' in row)).toEqual([]);
    expect(raw.every((row) => row.packedResult instanceof Uint8Array)).toBe(true);
    expect(await db.auditRows.orderBy('id').toArray()).toEqual(rowsBefore);
    db.close();
  });
});
