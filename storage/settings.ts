import type { Locale } from '@/rules/types';
import { DEFAULT_LOCALE, isLocale } from '@/i18n';
import type { LiangzhaoDatabase } from './db';
import type { Retention } from './audits';
import { overridesFrom, withOverride, withoutOverride, type PageTypeOverride } from './page-type-overrides';
import type { PageType } from '@/rules/types';
import { SETTINGS_MIRROR_KEY, type SettingsMirror } from './settings-mirror';

/** What a person can set; stored one row per key in the `settings` table. */
export interface Settings {
  locale: Locale;
  /** Audit pages automatically (on load, route changes, late content). "Audit now" works either way. */
  autoAudit: boolean;
  /** Hosts whose pages are not audited automatically. */
  pausedHosts: string[];
  retention: Retention;
  /** A person's corrections of the page type, by URL pattern (storage/page-type-overrides.ts). */
  pageTypeOverrides: PageTypeOverride[];
}

export const DEFAULT_SETTINGS: Settings = {
  locale: DEFAULT_LOCALE,
  autoAudit: true,
  pausedHosts: [],
  retention: { keepDays: null, keepCount: null },
  pageTypeOverrides: [],
};

/** Reads stored rows into settings; a missing or malformed value falls back to its default. */
export function settingsFromRows(rows: Array<{ key: string; value: unknown }>): Settings {
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  const locale = stored.get('locale');
  const autoAudit = stored.get('autoAudit');
  const pausedHosts = stored.get('pausedHosts');
  return {
    locale: isLocale(locale) ? locale : DEFAULT_SETTINGS.locale,
    autoAudit: typeof autoAudit === 'boolean' ? autoAudit : DEFAULT_SETTINGS.autoAudit,
    pausedHosts: Array.isArray(pausedHosts) ? pausedHosts.filter((h): h is string => typeof h === 'string') : [],
    retention: retentionFrom(stored.get('retention')),
    pageTypeOverrides: overridesFrom(stored.get('pageTypeOverrides')),
  };
}

function retentionFrom(value: unknown): Retention {
  const limit = (n: unknown) => (typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null);
  if (typeof value !== 'object' || value === null) return { ...DEFAULT_SETTINGS.retention };
  const { keepDays, keepCount } = value as Record<string, unknown>;
  return { keepDays: limit(keepDays), keepCount: limit(keepCount) };
}

export async function loadSettings(db: LiangzhaoDatabase): Promise<Settings> {
  return settingsFromRows(await db.settings.toArray());
}

/** Writes one setting, then the page side's copy of the automatic-audit settings. */
export async function saveSetting<K extends keyof Settings>(db: LiangzhaoDatabase, key: K, value: Settings[K]) {
  await putSetting(db, key, value);
  await syncSettingsMirror(db);
}

/** Inside a transaction: the copy is written once it has committed (an outside await would end it early). */
async function putSetting<K extends keyof Settings>(db: LiangzhaoDatabase, key: K, value: Settings[K]) {
  await db.settings.put({ key, value });
}

/**
 * Copies what decides automatic audits into `storage.local` (storage/settings-mirror.ts), where content scripts
 * read it before their first audit; the background does it on every start too. Every write of any setting writes
 * it, with the time, so its change event also tells the service worker to drop the settings it keeps in memory.
 * A copy that cannot be written is only a hint lost: the background's answer still decides.
 */
export async function syncSettingsMirror(db: LiangzhaoDatabase): Promise<void> {
  const area = browser.storage?.local;
  if (!area) return;
  const { autoAudit, pausedHosts } = await loadSettings(db);
  const mirror: SettingsMirror = { autoAudit, pausedHosts, syncedAt: Date.now() };
  await area.set({ [SETTINGS_MIRROR_KEY]: mirror }).catch(() => undefined);
}

export function isPaused(settings: Settings, host: string): boolean {
  return settings.pausedHosts.includes(host);
}

/** Whether a page on `host` is audited without a person asking. */
export function autoAuditAllowed(settings: Settings, host: string): boolean {
  return settings.autoAudit && !isPaused(settings, host);
}

export async function setHostPaused(db: LiangzhaoDatabase, host: string, paused: boolean): Promise<string[]> {
  const hosts = await db.transaction('rw', db.settings, async () => {
    const { pausedHosts } = await loadSettings(db);
    const next = paused
      ? [...new Set([...pausedHosts, host])].sort()
      : pausedHosts.filter((h) => h !== host);
    await putSetting(db, 'pausedHosts', next);
    return next;
  });
  await syncSettingsMirror(db);
  return hosts;
}

/** Keeps (or, with `pageType` null, forgets) the page type a person chose for the pages `pattern` matches. */
export async function setPageTypeOverride(db: LiangzhaoDatabase, pattern: string, pageType: PageType | null): Promise<PageTypeOverride[]> {
  const overrides = await db.transaction('rw', db.settings, async () => {
    const { pageTypeOverrides } = await loadSettings(db);
    const next = pageType ? withOverride(pageTypeOverrides, pattern, pageType) : withoutOverride(pageTypeOverrides, pattern);
    await putSetting(db, 'pageTypeOverrides', next);
    return next;
  });
  await syncSettingsMirror(db);
  return overrides;
}
