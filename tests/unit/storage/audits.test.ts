import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiangzhaoDatabase, toStoredAudit } from '@/storage/db';
import {
  applyRetention,
  auditsOfHost,
  capturesAtStake,
  auditsOfPage,
  deleteAll,
  deleteAudit,
  deleteSite,
  queryAudits,
  storedHosts,
  type AuditQuery,
} from '@/storage/audits';
import type { Grade, PageType } from '@/rules/types';
import { audit, rule } from '../../support/fixtures';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-11-01T00:00:00Z');
let db: LiangzhaoDatabase;
let n = 0;

const grades: Grade[] = ['A', 'B', 'C', 'D', 'F'];
const types: PageType[] = ['platform-home', 'shop', 'product'];

function stored(i: number) {
  const host = ['mall.example.cn', 'shop.taobao.test', 'xiaodian.example.cn'][i % 3];
  return toStoredAudit(
    audit({
      url: `https://${host}/page/${i % 4}`,
      title: i % 2 ? `天猫超市 第${i}页` : `Fresh market ${i}`,
      auditedAt: new Date(T0 + i * DAY).toISOString(),
      grade: grades[i % 5],
      score: 100 - i,
      pageType: types[i % 3],
      results: [
        rule('icp-number', 'filing', i % 2 ? 'fail' : 'pass'),
        rule('contact-phone', 'contact', i % 3 ? 'pass' : 'fail'),
      ],
    }),
    i,
  );
}

function query(extra: Partial<AuditQuery> = {}): AuditQuery {
  return { sort: 'auditedAtMs', descending: true, offset: 0, limit: 10, ...extra };
}

beforeEach(async () => {
  db = new LiangzhaoDatabase(`audits-${n++}`);
  await db.audits.bulkAdd(Array.from({ length: 30 }, (_, i) => stored(i)));
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('queryAudits', () => {
  it('pages through every audit newest first', async () => {
    const first = await query();
    const page = await queryAudits(db, first);
    expect(page.total).toBe(30);
    expect(page.rows.map((r) => r.score)).toEqual([71, 72, 73, 74, 75, 76, 77, 78, 79, 80]);
    const third = await queryAudits(db, query({ offset: 20 }));
    expect(third.rows.map((r) => r.score)).toEqual([91, 92, 93, 94, 95, 96, 97, 98, 99, 100]);
  });

  it('sorts by any column', async () => {
    const byScore = await queryAudits(db, query({ sort: 'score', descending: false, limit: 3 }));
    expect(byScore.rows.map((r) => r.score)).toEqual([71, 72, 73]);
    const byFailed = await queryAudits(db, query({ sort: 'failedCount', descending: true, limit: 30 }));
    const counts = byFailed.rows.map((r) => r.failedCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const byHost = await queryAudits(db, query({ sort: 'host', descending: false, limit: 30 }));
    expect(byHost.rows[0].host).toBe('mall.example.cn');
  });

  it('filters by grade, page type, failed rule and date range, combined', async () => {
    const a = await queryAudits(db, query({ grades: ['A'], limit: 30 }));
    expect(a.total).toBe(6);
    expect(a.rows.every((r) => r.grade === 'A')).toBe(true);

    const combined = await queryAudits(
      db,
      query({ pageTypes: ['shop'], failedRule: 'icp-number', fromMs: T0 + 5 * DAY, toMs: T0 + 20 * DAY, limit: 30 }),
    );
    const expected = Array.from({ length: 30 }, (_, i) => i).filter(
      (i) => i % 3 === 1 && i % 2 === 1 && i >= 5 && i <= 20,
    );
    expect(combined.rows.map((r) => r.tabId).sort((x, y) => x! - y!)).toEqual(expected);
    expect(combined.total).toBe(expected.length);
  });

  it('searches host and text, Chinese and Latin, and sorts the matches', async () => {
    const chinese = await queryAudits(db, query({ text: '超市', limit: 30 }));
    expect(chinese.total).toBe(15);
    expect(chinese.rows.every((r) => r.title.includes('超市'))).toBe(true);
    const host = await queryAudits(db, query({ text: 'taobao', limit: 30 }));
    expect(host.total).toBe(10);
    expect((await queryAudits(db, query({ text: 'mall.example.cn', limit: 30 }))).total).toBe(10);
    expect((await queryAudits(db, query({ text: 'example.cn', limit: 30 }))).total).toBe(20);
    const both = await queryAudits(db, query({ text: 'taob 超市', sort: 'score', descending: false, limit: 30 }));
    expect(both.rows.map((r) => r.tabId)).toEqual([25, 19, 13, 7, 1]);
    expect(await queryAudits(db, query({ text: 'nothing-like-this' }))).toEqual({ rows: [], total: 0 });
  });

  it('orders many matches by the sort index exactly as it sorts few in memory', async () => {
    for (const extra of [
      { grades: ['A', 'B', 'F'] as Grade[], sort: 'score' as const, descending: false },
      { failedRule: 'icp-number', sort: 'host' as const, descending: true },
      { text: '超市', sort: 'failedCount' as const, descending: true },
      { fromMs: T0 + 3 * DAY, sort: 'auditedAtMs' as const, descending: false, offset: 5 },
    ]) {
      const q = query({ limit: 7, ...extra });
      const inMemory = await queryAudits(db, q);
      const byIndex = await queryAudits(db, q, { sortInMemoryUpTo: 0 });
      expect(byIndex.total).toBe(inMemory.total);
      expect(byIndex.rows.map((r) => r.id)).toEqual(inMemory.rows.map((r) => r.id));
    }
  });

  it('lists hosts, failed rules, a site and a page over time', async () => {
    expect(await storedHosts(db)).toEqual(['mall.example.cn', 'shop.taobao.test', 'xiaodian.example.cn']);
    const site = await auditsOfHost(db, 'mall.example.cn');
    expect(site).toHaveLength(10);
    expect(site[0].auditedAtMs).toBeGreaterThan(site[1].auditedAtMs);
    const page = await auditsOfPage(db, 'https://mall.example.cn/page/0');
    expect(page.map((r) => r.tabId)).toEqual([24, 12, 0]);
  });
});

describe('deleting and retention', () => {
  it('deletes one audit with its captured evidence, a site, or everything', async () => {
    const captureId = (await db.captures.add({ auditId: 1, capturedAtMs: T0 })) as number;
    await db.blobs.add({ captureId, kind: 'png', data: new Blob(['x']) });
    await deleteAudit(db, 1);
    expect(await db.audits.get(1)).toBeUndefined();
    expect(await db.captures.count()).toBe(0);
    expect(await db.blobs.count()).toBe(0);

    expect(await deleteSite(db, 'shop.taobao.test')).toBe(10);
    expect(await db.audits.where('host').equals('shop.taobao.test').count()).toBe(0);
    expect(await db.audits.count()).toBe(19);

    expect(await deleteAll(db)).toBe(19);
    expect(await db.audits.count()).toBe(0);
  });

  it('keeps the newest N audits, or the last N days', async () => {
    expect(await applyRetention(db, { keepDays: null, keepCount: null })).toBe(0);
    expect(await applyRetention(db, { keepDays: null, keepCount: 20 })).toBe(10);
    expect((await db.audits.orderBy('auditedAtMs').first())!.tabId).toBe(10);
    const now = T0 + 29 * DAY;
    expect(await applyRetention(db, { keepDays: 5, keepCount: null }, now)).toBe(14);
    expect((await db.audits.orderBy('auditedAtMs').first())!.tabId).toBe(24);
  });
});

describe('captured evidence in the history', () => {
  /** Capture `sequence` of audit `auditId` (audit i has id i + 1 and host i % 3), linked as a capture links it. */
  async function captured(auditId: number, sequence: number) {
    const url = (await db.audits.get(auditId))!.url;
    const captureId = (await db.captures.add({ auditId, capturedAtMs: T0 + sequence, record: { sequence, url } })) as number;
    await db.audits.update(auditId, { captureId });
  }

  it('filters the audits that carry captured evidence, alone or with other filters', async () => {
    await captured(3, 1);
    await captured(6, 2);
    await captured(8, 3);
    const withEvidence = await queryAudits(db, query({ withEvidence: true }));
    expect(withEvidence.rows.map((row) => row.id)).toEqual([8, 6, 3]);
    expect(withEvidence.total).toBe(3);
    const onOneSite = await queryAudits(db, query({ withEvidence: true, host: 'xiaodian.example.cn' }));
    expect(onOneSite.rows.map((row) => row.id)).toEqual([6, 3]);
  });

  it('names, in chain order, the captures a deletion of one audit, a site, everything or a retention would remove', async () => {
    await captured(8, 3);
    await captured(3, 1);
    await captured(6, 2);
    const sequences = async (scope: Parameters<typeof capturesAtStake>[1]) =>
      (await capturesAtStake(db, scope)).map((capture) => capture.sequence);
    expect(await sequences({ auditId: 6 })).toEqual([2]);
    expect(await sequences({ auditId: 7 })).toEqual([]);
    expect(await sequences({ host: 'xiaodian.example.cn' })).toEqual([1, 2]);
    expect(await sequences({ host: 'mall.example.cn' })).toEqual([]);
    expect(await sequences({ all: true })).toEqual([1, 2, 3]);
    // Keeping the 24 newest of 30 deletes audits 1 to 6.
    expect(await sequences({ retention: { keepDays: null, keepCount: 24 } })).toEqual([1, 2]);
    const [first] = await capturesAtStake(db, { auditId: 3 });
    expect(first).toMatchObject({ auditId: 3, url: (await db.audits.get(3))!.url, capturedAtMs: T0 + 1 });
  });

  it('names a capture row without a readable record as unnumbered', async () => {
    await db.captures.add({ auditId: 2, capturedAtMs: T0 });
    expect(await capturesAtStake(db, { auditId: 2 })).toEqual([
      { captureId: 1, auditId: 2, sequence: null, capturedAtMs: T0, url: '' },
    ]);
  });
});
