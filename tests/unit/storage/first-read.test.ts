import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LiangzhaoDatabase, toStoredAudit } from '@/storage/db';
import { readFirst } from '@/storage/first-read';
import { saveSetting } from '@/storage/settings';
import { audit } from '../../support/fixtures';

const NAME = 'first-read-test';
afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('the first read, without Dexie', () => {
  it('reads the settings and the newest history rows, newest first', async () => {
    const db = new LiangzhaoDatabase(NAME);
    for (let i = 0; i < 7; i++) {
      await db.audits.add(toStoredAudit(audit({ title: `audit ${i}`, auditedAt: `2026-11-2${i}T10:00:00.000+08:00` })));
    }
    await saveSetting(db, 'locale', 'en');
    db.close();

    const read = await readFirst(5, NAME);
    expect(read?.settings.locale).toBe('en');
    expect(read?.history.map((row) => row.title)).toEqual(['audit 6', 'audit 5', 'audit 4', 'audit 3', 'audit 2']);
    // Rows, not records: the lists never read an audit's facts.
    expect(read?.history[0]).not.toHaveProperty('result');
  });

  it('answers null, and creates nothing, when there is no database yet', async () => {
    expect(await readFirst(5, NAME)).toBeNull();
    expect((await indexedDB.databases()).map((db) => db.name)).not.toContain(NAME);
    // Dexie then creates it as ever.
    const db = new LiangzhaoDatabase(NAME);
    expect(await db.settings.count()).toBe(0);
    db.close();
  });

  it('never holds up Dexie: its connection is closed once it has read', async () => {
    const db = new LiangzhaoDatabase(NAME);
    await db.open();
    db.close();
    await readFirst(5, NAME);
    // Deleting waits for every open connection; a kept one would block it.
    await Dexie.delete(NAME);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(NAME);
  });
});
