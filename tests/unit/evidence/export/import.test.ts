import { afterEach, describe, expect, it } from 'vitest';
import { LiangzhaoDatabase, toStoredAudit } from '@/storage/db';
import { saveCapture, type CaptureRow } from '@/evidence/capture/store';
import { auditIdsFor, entrySource, importJsonText, verifyStoredChains, WRITE_BATCH } from '@/evidence/export/import';
import { buildJsonExport } from '@/evidence/export/json';
import type { EvidenceEntry } from '@/evidence/export/source';
import { buildBundle, captureOf, headOf, hostileAudit, sampleAudit } from '../helpers';

const databases: LiangzhaoDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

function freshDb(): LiangzhaoDatabase {
  const db = new LiangzhaoDatabase(`db-${Math.random()}`);
  databases.push(db);
  return db;
}

/** A profile with three audits, two of them captured in one chain. */
async function profile() {
  const db = freshDb();
  const audits = [sampleAudit(), hostileAudit(), { ...sampleAudit(), auditedAt: '2026-11-29T09:00:00.000+08:00' }];
  const first = await captureOf(audits[0], null);
  const second = await captureOf(audits[1], headOf(first));
  await saveCapture(db, { auditId: null, audit: audits[0], sealed: first.sealed, artefacts: first.artefacts, head: null });
  await saveCapture(db, { auditId: null, audit: audits[1], sealed: second.sealed, artefacts: second.artefacts, head: headOf(first) });
  await db.audits.add(toStoredAudit(audits[2]));
  return db;
}

async function exportAll(db: LiangzhaoDatabase): Promise<{ text: string; entries: EvidenceEntry[] }> {
  const source = entrySource(db, await auditIdsFor(db, 'all'));
  const entries: EvidenceEntry[] = [];
  for (let i = 0; i < source.length; i++) entries.push((await source.get(i))!);
  const blob = await buildJsonExport(source, { exportedAt: '2026-11-29T10:00:00.000+08:00', extensionVersion: '0.1.0' });
  return { text: await blob.text(), entries };
}

async function snapshot(db: LiangzhaoDatabase) {
  const audits = (await db.audits.toArray()).map((a) => a.result).sort((a, b) => a.auditedAt.localeCompare(b.auditedAt) || a.url.localeCompare(b.url));
  const captures = ((await db.captures.toArray()) as CaptureRow[]).map((c) => ({ record: c.record, digest: c.digest })).sort((a, b) => a.record.sequence - b.record.sequence);
  const blobs = await Promise.all((await db.blobs.toArray()).map(async (b) => [b.name, [...new Uint8Array(await b.data.arrayBuffer())]]));
  return { audits, captures, blobs: blobs.sort() };
}

describe('export and import through the database', () => {
  it('restores every audit, capture and artefact into a fresh profile, and the chain still verifies', async () => {
    const source = await profile();
    const { text, entries } = await exportAll(source);
    expect(entries).toHaveLength(3);
    expect(entries.filter((e) => e.capture)).toHaveLength(2);

    const target = freshDb();
    const progress: number[] = [];
    const result = await importJsonText(target, text, (done) => progress.push(done));
    expect(result).toEqual({ ok: true, outcome: { added: 3, skipped: 0, captures: 2 } });
    expect(progress.length).toBeGreaterThan(3);
    expect(await snapshot(target)).toEqual(await snapshot(source));
    const verification = await verifyStoredChains(target);
    expect(verification).toMatchObject({ intact: true, captures: 2 });
  });

  it('adds nothing twice when the same file is imported again', async () => {
    const { text } = await exportAll(await profile());
    const target = freshDb();
    await importJsonText(target, text);
    expect(await importJsonText(target, text)).toEqual({ ok: true, outcome: { added: 0, skipped: 3, captures: 0 } });
    expect(await target.audits.count()).toBe(3);
  });

  it.each([
    ['a corrupt file', (text: string) => text.slice(0, text.length / 2), 'importNotJson'],
    ['a foreign file', () => JSON.stringify({ type: 'FeatureCollection', features: [] }), 'importForeign'],
    ['a file with one audit edited', (text: string) => text.replace('"score":62', '"score":99'), 'importDigestMismatch'],
  ])('refuses %s and writes nothing', async (_name, spoil, code) => {
    const { text } = await exportAll(await profile());
    const target = freshDb();
    await target.audits.add(toStoredAudit({ ...sampleAudit(), url: 'https://already.example/' }));
    const before = await snapshot(target);
    expect(await importJsonText(target, spoil(text))).toMatchObject({ ok: false, problem: { code } });
    expect(await snapshot(target)).toEqual(before);
  });

  it('writes all or nothing when the database fails half-way', async () => {
    const { text } = await exportAll(await profile());
    const target = freshDb();
    let calls = 0;
    const add = target.blobs.add.bind(target.blobs);
    target.blobs.add = ((row: never) => (++calls === 3 ? Promise.reject(new Error('QuotaExceededError')) : add(row))) as typeof target.blobs.add;
    await expect(importJsonText(target, text)).rejects.toThrow('QuotaExceededError');
    expect(await target.audits.count()).toBe(0);
    expect(await target.captures.count()).toBe(0);
    expect(await target.blobs.count()).toBe(0);
  });

  it('exports a selection in the order given', async () => {
    const db = await profile();
    const ids = await auditIdsFor(db, 'all');
    const source = entrySource(db, [ids[2], ids[0]]);
    const entries = [(await source.get(0))!, (await source.get(1))!];
    expect(entries.map((e) => e.audit.auditedAt)).toEqual([
      (await db.audits.get(ids[2]))!.result.auditedAt,
      (await db.audits.get(ids[0]))!.result.auditedAt,
    ]);
  });
});

describe('a bundle against the chain stored here', () => {
  it('says which of its capture records this browser holds', async () => {
    const { verifyBundle } = await import('@/evidence/export/bundle');
    const { linksStoredHere } = await import('@/evidence/export/import');
    const db = await profile();
    const ids = await auditIdsFor(db, 'all');
    const source = entrySource(db, ids);
    const entries = [];
    for (let i = 0; i < source.length; i++) entries.push((await source.get(i))!);
    const zip = await buildBundle(entries, { locale: 'en', exportedAt: '2026-11-29T10:00:00.000+08:00', extensionVersion: '0.1.0' });
    const result = await verifyBundle(zip);
    expect(result.links.map((l) => l.sequence).sort()).toEqual([1, 2]);
    expect((await linksStoredHere(db, result.links)).found).toHaveLength(2);
    const elsewhere = freshDb();
    expect((await linksStoredHere(elsewhere, result.links)).missing).toHaveLength(2);
  });
});

describe('the export source over a long history', () => {
  it('reads audits batch by batch in the order given, and an audit deleted before its batch is read as null', async () => {
    const db = freshDb();
    const rows = Array.from({ length: 250 }, (_, i) =>
      toStoredAudit({ ...sampleAudit(), url: `https://shop${i}.example.cn/`, auditedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() }),
    );
    const ids = (await db.audits.bulkAdd(rows, { allKeys: true })) as number[];
    const order = [...ids].reverse();
    await db.audits.delete(order[180]);
    const source = entrySource(db, order);
    const urls: Array<string | null> = [];
    for (let i = 0; i < source.length; i++) urls.push((await source.get(i))?.audit.url ?? null);
    expect(urls).toEqual(order.map((id, i) => (i === 180 ? null : rows[ids.indexOf(id)].url)));
  });
});

describe('importing more audits than one lookup batch', () => {
  it('adds each once and skips all of them on a second import', async () => {
    const audits = Array.from({ length: 230 }, (_, i) => ({
      ...sampleAudit(),
      url: `https://shop${i % 7}.example.cn/${i}`,
      auditedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    }));
    const blob = await buildJsonExport(audits.map((audit) => ({ audit })), { exportedAt: '2026-11-29T10:00:00.000+08:00', extensionVersion: '0.1.0' });
    const text = await blob.text();
    const db = freshDb();
    const first = await importJsonText(db, text);
    expect(first).toMatchObject({ ok: true, outcome: { added: 230, skipped: 0 } });
    const second = await importJsonText(db, text);
    expect(second).toMatchObject({ ok: true, outcome: { added: 0, skipped: 230 } });
    expect(await db.audits.count()).toBe(230);
  });
});

describe('the size of an import’s write batches', () => {
  it('writes the audits fifty at a time, Dexie’s line for tracking a write as the whole table', async () => {
    const audits = Array.from({ length: 120 }, (_, i) => ({ ...sampleAudit(), url: `https://shop.example.cn/w${i}` }));
    const blob = await buildJsonExport(audits.map((audit) => ({ audit })), { exportedAt: '2026-11-29T10:00:00.000+08:00', extensionVersion: '0.1.0' });
    const db = freshDb();
    const sizes: number[] = [];
    const bulkAdd = db.audits.bulkAdd.bind(db.audits);
    db.audits.bulkAdd = ((items: unknown[], options: unknown) => {
      sizes.push(items.length);
      return bulkAdd(items as never, options as never);
    }) as typeof db.audits.bulkAdd;
    expect(await importJsonText(db, await blob.text())).toMatchObject({ ok: true, outcome: { added: 120 } });
    expect(WRITE_BATCH).toBe(50);
    expect(sizes).toEqual([50, 50, 20]);
  });
});
