import Dexie from 'dexie';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import { auditDocument } from '@/rules';
import { LiangzhaoDatabase, toStoredAudit } from '@/storage/db';
import { recordTermsVersion, versionsOf } from '@/storage/terms';
import { auditIdsFor, entrySource, importJsonText } from '@/evidence/export/import';
import { buildJsonExport, parseJsonImport } from '@/evidence/export/json';
import { auditsToCsv } from '@/evidence/export/csv';
import { renderReportBody } from '@/evidence/export/report';
import { termsTrail } from '@/evidence/export/terms';
import { arraySource, type EvidenceEntry } from '@/evidence/export/source';
import { t } from '@/i18n';
import { formatIsoTime } from '@/i18n/dates';
import { escapeHtml } from '@/utils/html';
import { termsHtml, TERMS_URL, type TermsFixture } from '../../../support/terms';

const names: string[] = [];
let n = 0;
function freshDb(): LiangzhaoDatabase {
  const name = `export-terms-${n++}`;
  names.push(name);
  return new LiangzhaoDatabase(name);
}
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const META = { exportedAt: '2026-11-29T10:00:00.000+08:00', extensionVersion: '0.1.0' };

function auditAt(name: TermsFixture, iso: string) {
  return auditDocument(parseHTML(termsHtml(name)).document as unknown as Document, { url: TERMS_URL, mode: 'static', now: new Date(iso) });
}

/** When the fixtures' audits were made, as this machine stamps them (its own offset). */
const V1_SEEN = auditAt('agreement-v1', '2026-11-01T10:00:00+08:00').auditedAt;
const V2_SEEN = auditAt('agreement-v2-fail', '2026-11-21T10:00:00+08:00').auditedAt;

/** A profile that saw the agreement, then a version changed with too little notice. */
async function profileWithChange() {
  const db = freshDb();
  for (const [name, iso] of [
    ['agreement-v1', '2026-11-01T10:00:00+08:00'],
    ['agreement-v2-fail', '2026-11-21T10:00:00+08:00'],
  ] as const) {
    const audit = auditAt(name, iso);
    await db.audits.add(toStoredAudit(audit));
    await recordTermsVersion(db, audit.facts.termsDocument!, audit.title, audit.auditedAt);
  }
  return db;
}

async function entriesOf(db: LiangzhaoDatabase): Promise<EvidenceEntry[]> {
  const source = entrySource(db, await auditIdsFor(db, 'all'));
  const entries: EvidenceEntry[] = [];
  for (let i = 0; i < source.length; i++) entries.push((await source.get(i))!);
  return entries;
}

describe('terms versions in the exports', () => {
  it('gives each terms audit its document’s versions and the change its version made', async () => {
    const [newest, oldest] = await entriesOf(await profileWithChange());
    expect(newest.terms).toMatchObject({ canonicalUrl: TERMS_URL, seen: 1, change: { identical: false, notice: { status: 'fail' } } });
    expect(newest.terms!.versions).toHaveLength(2);
    expect(newest.terms!.versions[0]).not.toHaveProperty('id');
    expect(oldest.terms).toMatchObject({ seen: 0, change: null });
  });

  it('says a version not stored is not among them', () => {
    const audit = auditAt('agreement-v2-pass', '2026-11-21T10:00:00+08:00');
    expect(termsTrail(audit.facts.termsDocument!, [])).toEqual({ canonicalUrl: TERMS_URL, versions: [], seen: null, change: null });
  });

  it('writes the versions once per document and a trail per audit in JSON, and imports them into a fresh profile', async () => {
    const source = await profileWithChange();
    const text = await (await buildJsonExport(await entriesOf(source), META)).text();
    const data = JSON.parse(text);
    expect(data.termsDocuments).toHaveLength(1);
    expect(data.termsDocuments[0].versions.map((v: { firstSeen: string }) => v.firstSeen)).toEqual([V1_SEEN, V2_SEEN]);
    expect(data.termsTrails.map((trail: { audit: number; seen: number }) => [trail.audit, trail.seen])).toEqual([[0, 1], [1, 0]]);
    expect(data.termsTrails[0].change.counts.changed).toBeGreaterThan(0);

    const target = freshDb();
    expect(await importJsonText(target, text)).toMatchObject({ ok: true, outcome: { added: 2 } });
    const strip = (rows: Array<{ id?: number }>) => rows.map(({ id: _id, ...rest }) => rest);
    expect(strip(await versionsOf(target, TERMS_URL))).toEqual(strip(await versionsOf(source, TERMS_URL)));
  });

  it('widens a stored version’s seen span on import and never adds it twice', async () => {
    const source = await profileWithChange();
    const text = await (await buildJsonExport(await entriesOf(source), META)).text();
    const target = freshDb();
    const later = auditAt('agreement-v1', '2026-11-25T10:00:00+08:00');
    await recordTermsVersion(target, later.facts.termsDocument!, later.title, later.auditedAt);
    await importJsonText(target, text);
    await importJsonText(target, text);
    const versions = await versionsOf(target, TERMS_URL);
    expect(versions).toHaveLength(2);
    expect(versions[0]).toMatchObject({ firstSeen: V1_SEEN, lastSeen: later.auditedAt });
  });

  it('still reads a liangzhao.export/1 file, taking the versions its terms audits show', async () => {
    const source = await profileWithChange();
    const data = JSON.parse(await (await buildJsonExport(await entriesOf(source), META)).text());
    const old = { ...data, schema: 'liangzhao.export/1' };
    delete old.termsDocuments;
    delete old.termsTrails;
    const parsed = await parseJsonImport(JSON.stringify(old));
    expect(parsed).toMatchObject({ ok: true, termsVersions: [] });
    const target = freshDb();
    await importJsonText(target, JSON.stringify(old));
    expect((await versionsOf(target, TERMS_URL)).map((v) => v.firstSeen)).toEqual([V1_SEEN, V2_SEEN]);
  });

  it('refuses a version with a broken shape, naming it', async () => {
    const data = JSON.parse(await (await buildJsonExport(await entriesOf(await profileWithChange()), META)).text());
    data.termsDocuments[0].versions[1].digest = 'not a digest';
    expect(await parseJsonImport(JSON.stringify(data))).toMatchObject({
      ok: false,
      problem: { code: 'importInvalid', params: { path: 'termsDocuments[0].versions[1].digest' } },
    });
  });

  it('shows the version and the change in the CSV and the HTML report, in both languages', async () => {
    const entries = await entriesOf(await profileWithChange());
    const zh = await (await auditsToCsv(arraySource(entries), 'zh_CN')).text();
    expect(zh).toContain('协议版本');
    expect(zh).toMatch(/第 2 版，共 2 版/);
    expect(zh).toMatch(/新增 \d+ 条、删除 \d+ 条、修改 \d+ 条/);
    expect(zh).toContain('修改公示不足七日');
    const en = await (await auditsToCsv(arraySource(entries), 'en')).text();
    expect(en).toMatch(/version 2 of 2/);
    expect(en).toContain('less than seven days ahead');

    for (const locale of ['zh_CN', 'en'] as const) {
      const html = renderReportBody({
        audit: entries[0].audit,
        locale,
        generatedAt: META.exportedAt,
        auditSha256: '0'.repeat(64),
        capture: null,
        screenshotDataUrl: null,
        terms: entries[0].terms,
      });
      expect(html).toContain('data-section="terms-versions"');
      expect(html).toContain(escapeHtml(t('terms_view_version', locale, { n: 1, first: formatIsoTime(V1_SEEN, locale), last: formatIsoTime(V1_SEEN, locale), count: 1 })));
      expect(html).toContain('<del>');
      expect(html).toContain('<ins>');
    }
  });
});
