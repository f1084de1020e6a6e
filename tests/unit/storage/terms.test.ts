import Dexie from 'dexie';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import { auditDocument } from '@/rules';
import { LiangzhaoDatabase, toStoredAudit } from '@/storage/db';
import { deleteAll } from '@/storage/audits';
import { recordTermsVersion, termsHistory, trackedDocuments, versionsOf } from '@/storage/terms';
import { trackTermsVersion } from '@/storage/terms-history';
import { termsDocument, termsHtml, TERMS_URL, type TermsFixture } from '../../support/terms';

const names: string[] = [];
let n = 0;
function freshDb(): LiangzhaoDatabase {
  const name = `terms-${n++}`;
  names.push(name);
  return new LiangzhaoDatabase(name);
}
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function auditAt(name: TermsFixture, iso: string) {
  return auditDocument(parseHTML(termsHtml(name)).document as unknown as Document, { url: TERMS_URL, mode: 'static', now: new Date(iso) });
}

describe('terms versions', () => {
  it('stores one row per distinct version; an unchanged re-visit only moves last seen', async () => {
    const db = freshDb();
    await recordTermsVersion(db, termsDocument(termsHtml('agreement-v1')), '协议', '2026-11-01T10:00:00+08:00');
    await recordTermsVersion(db, termsDocument(termsHtml('agreement-v1-revisit')), '协议', '2026-11-05T10:00:00+08:00');
    const changed = await recordTermsVersion(db, termsDocument(termsHtml('agreement-v2-pass')), '协议', '2026-11-21T10:00:00+08:00');
    const versions = await versionsOf(db, TERMS_URL);
    expect(versions.map((v) => [v.firstSeen, v.lastSeen, v.seenCount])).toEqual([
      ['2026-11-01T10:00:00+08:00', '2026-11-05T10:00:00+08:00', 2],
      ['2026-11-21T10:00:00+08:00', '2026-11-21T10:00:00+08:00', 1],
    ]);
    expect(changed.previous?.digest).toBe(versions[0].digest);
    expect(await trackedDocuments(db)).toEqual([
      { canonicalUrl: TERMS_URL, title: '协议', kind: 'agreement', versions: 2, lastSeen: '2026-11-21T10:00:00+08:00' },
    ]);
  });

  it('is emptied by deleting everything', async () => {
    const db = freshDb();
    await recordTermsVersion(db, termsDocument(termsHtml('agreement-v1')), '协议', '2026-11-01T10:00:00+08:00');
    await deleteAll(db);
    expect(await db.termsVersions.count()).toBe(0);
  });

  it('names the version before a re-visited old version, and the latest for a new one', async () => {
    const db = freshDb();
    const v1 = termsDocument(termsHtml('agreement-v1'));
    const v2 = termsDocument(termsHtml('agreement-v2-fail'));
    await recordTermsVersion(db, v1, '协议', '2026-11-01T10:00:00+08:00');
    await recordTermsVersion(db, v2, '协议', '2026-11-25T10:00:00+08:00');
    expect((await termsHistory(db, v2, '2026-11-26T00:00:00+08:00')).previous?.digest).toBe(v1.digest);
    expect((await termsHistory(db, v1, '2026-11-26T00:00:00+08:00')).previous).toBeNull();
    const v3 = termsDocument(termsHtml('agreement-v2-review'));
    expect(await termsHistory(db, v3, '2026-11-27T00:00:00+08:00')).toMatchObject({ current: null, firstSeen: '2026-11-27T00:00:00+08:00' });
    expect((await termsHistory(db, v3, '2026-11-27T00:00:00+08:00')).previous?.digest).toBe(v2.digest);
  });

  it('has the background re-judge a changed version against the one before it', async () => {
    const db = freshDb();
    await trackTermsVersion(db, auditAt('agreement-v1', '2026-11-01T02:00:00Z'));
    const judged = await trackTermsVersion(db, auditAt('agreement-v2-fail', '2026-11-25T02:00:00Z'));
    expect(judged.results.find((r) => r.ruleId === 'terms-change-notice')).toMatchObject({
      status: 'fail',
      messageKey: 'rule_terms_change_notice_changed_fail_seen_late',
      messageParams: { days: 2, added: 1, changed: 3, seenDays: 2 },
    });
    expect(judged.verdict).toBe('fail');
  });
});

/** Version 2 as it shipped, to prove version 3 loses nothing on the way up. */
class VersionTwoDatabase extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores({
      audits: '++id, host, url, pageType, grade, verdict, score, auditedAtMs, *failedRules, tabId, [host+auditedAtMs]',
      captures: '++id, auditId, capturedAtMs',
      blobs: '++id, captureId',
      settings: 'key',
    });
    this.version(2).stores({
      audits:
        '++id, host, url, pageType, grade, verdict, score, auditedAtMs, *failedRules, tabId, [host+auditedAtMs], failedCount, *terms, [url+auditedAtMs]',
    });
  }
}

describe('database version 4', () => {
  it('keeps every row of version 2 and seeds the versions from terms audits that carry a terms document', async () => {
    const name = `terms-upgrade-${n++}`;
    names.push(name);
    const old = new VersionTwoDatabase(name);
    const rows = [auditAt('agreement-v1', '2026-11-01T02:00:00Z'), auditAt('agreement-v1-revisit', '2026-11-03T02:00:00Z'), auditAt('agreement-v2-pass', '2026-11-21T02:00:00Z')].map((result) => toStoredAudit(result));
    await old.table('audits').bulkAdd(rows);
    await old.table('settings').put({ key: 'locale', value: 'en' });
    old.close();
    const db = new LiangzhaoDatabase(name);
    expect(await db.audits.count()).toBe(3);
    expect(await db.settings.get('locale')).toEqual({ key: 'locale', value: 'en' });
    const versions = await versionsOf(db, TERMS_URL);
    expect(versions.map((v) => v.seenCount)).toEqual([2, 1]);
    expect(db.verno).toBe(6);
    db.close();
  });
});
