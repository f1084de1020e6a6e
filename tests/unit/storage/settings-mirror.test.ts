import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LiangzhaoDatabase } from '@/storage/db';
import { saveSetting, setHostPaused, setPageTypeOverride, syncSettingsMirror } from '@/storage/settings';
import { isSettingsMirror, mirrorRefuses, readSettingsMirror, SETTINGS_MIRROR_KEY } from '@/storage/settings-mirror';
import { createSettingsCache } from '@/entrypoints/background/settings-cache';

const db = new LiangzhaoDatabase('settings-mirror-test');
beforeEach(async () => {
  fakeBrowser.reset();
  await db.settings.clear();
});
afterAll(async () => {
  db.close();
});

describe('the settings’ copy in storage.local', () => {
  it('is written by every settings write: pausing a site, switching automatic audits off', async () => {
    expect(await readSettingsMirror()).toBeNull();
    await setHostPaused(db, 'shop.example.cn', true);
    expect(await readSettingsMirror()).toMatchObject({ autoAudit: true, pausedHosts: ['shop.example.cn'] });
    await saveSetting(db, 'autoAudit', false);
    expect(await readSettingsMirror()).toMatchObject({ autoAudit: false, pausedHosts: ['shop.example.cn'] });
  });

  it('refuses a page on a paused site or with automatic audits off, and nothing else', () => {
    const mirror = { autoAudit: true, pausedHosts: ['shop.example.cn'], syncedAt: 1 };
    expect(mirrorRefuses(mirror, 'https://shop.example.cn/item/1')).toBe(true);
    expect(mirrorRefuses(mirror, 'https://other.example.cn/')).toBe(false);
    expect(mirrorRefuses({ ...mirror, autoAudit: false }, 'https://other.example.cn/')).toBe(true);
  });

  it('reads a malformed copy as none', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_MIRROR_KEY]: { autoAudit: 'no', pausedHosts: [] } });
    expect(await readSettingsMirror()).toBeNull();
    expect(isSettingsMirror({ autoAudit: true, pausedHosts: [1], syncedAt: 0 })).toBe(false);
  });

  it('is made from the database when the background starts (an install older than the copy)', async () => {
    await db.settings.put({ key: 'pausedHosts', value: ['a.example.cn'] });
    await syncSettingsMirror(db);
    expect(await readSettingsMirror()).toMatchObject({ autoAudit: true, pausedHosts: ['a.example.cn'] });
  });
});

describe('the service worker’s settings', () => {
  it('are read once and read again after any settings write', async () => {
    const settings = createSettingsCache(db);
    expect((await settings()).locale).toBe('zh_CN');
    // A write that bypasses the writers is not seen: the kept settings are used.
    await db.settings.put({ key: 'locale', value: 'en' });
    expect((await settings()).locale).toBe('zh_CN');
    // Any writer rewrites the copy, and that change drops what was kept.
    await setPageTypeOverride(db, 'shop.example.cn/*', 'shop');
    await new Promise((ok) => setTimeout(ok, 0));
    const fresh = await settings();
    expect(fresh.locale).toBe('en');
    expect(fresh.pageTypeOverrides).toHaveLength(1);
  });
});
