import Dexie from 'dexie';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { LiangzhaoDatabase } from '@/storage/db';
import {
  autoAuditAllowed,
  DEFAULT_SETTINGS,
  loadSettings,
  saveSetting,
  setHostPaused,
  setPageTypeOverride,
  settingsFromRows,
} from '@/storage/settings';

const db = new LiangzhaoDatabase('settings-test');
afterEach(async () => {
  await db.settings.clear();
});

describe('settings', () => {
  it('defaults to Chinese, automatic auditing on, nothing paused, everything kept', async () => {
    expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.locale).toBe('zh_CN');
  });

  it('falls back to the default for a malformed stored value', () => {
    const settings = settingsFromRows([
      { key: 'locale', value: 'fr' },
      { key: 'autoAudit', value: 'yes' },
      { key: 'pausedHosts', value: ['a.cn', 3] },
      { key: 'retention', value: { keepDays: -1, keepCount: 500 } },
    ]);
    expect(settings).toEqual({
      locale: 'zh_CN',
      autoAudit: true,
      pausedHosts: ['a.cn'],
      retention: { keepDays: null, keepCount: 500 },
      pageTypeOverrides: [],
    });
  });

  it('keeps a page-type correction per pattern until it is removed', async () => {
    expect(await setPageTypeOverride(db, 'item.jd.com/*', 'product')).toEqual([{ pattern: 'item.jd.com/*', pageType: 'product' }]);
    await setPageTypeOverride(db, 'www.jd.com/', 'platform-home');
    await setPageTypeOverride(db, 'item.jd.com/*', 'shop');
    expect((await loadSettings(db)).pageTypeOverrides).toEqual([
      { pattern: 'item.jd.com/*', pageType: 'shop' },
      { pattern: 'www.jd.com/', pageType: 'platform-home' },
    ]);
    await setPageTypeOverride(db, 'item.jd.com/*', null);
    expect((await loadSettings(db)).pageTypeOverrides).toEqual([{ pattern: 'www.jd.com/', pageType: 'platform-home' }]);
  });

  it('stores each setting and pauses sites one by one', async () => {
    await saveSetting(db, 'locale', 'en');
    await saveSetting(db, 'retention', { keepDays: 30, keepCount: null });
    expect(await setHostPaused(db, 'b.cn', true)).toEqual(['b.cn']);
    expect(await setHostPaused(db, 'a.cn', true)).toEqual(['a.cn', 'b.cn']);
    expect(await setHostPaused(db, 'b.cn', false)).toEqual(['a.cn']);
    const settings = await loadSettings(db);
    expect(settings).toMatchObject({ locale: 'en', pausedHosts: ['a.cn'], retention: { keepDays: 30 } });
    expect(autoAuditAllowed(settings, 'a.cn')).toBe(false);
    expect(autoAuditAllowed(settings, 'c.cn')).toBe(true);
    expect(autoAuditAllowed({ ...settings, autoAudit: false }, 'c.cn')).toBe(false);
  });
});

afterAll(async () => {
  db.close();
  await Dexie.delete('settings-test');
});
