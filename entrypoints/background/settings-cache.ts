import type { LiangzhaoDatabase } from '@/storage/db';
import { loadSettings, type Settings } from '@/storage/settings';
import { SETTINGS_MIRROR_KEY } from '@/storage/settings-mirror';

/**
 * The settings, read from the database once and kept until a settings write says they changed: every page load
 * asks whether it may be audited and every report needs the locale, and a database read per message put two
 * IndexedDB transactions before each badge. Every writer of a setting also rewrites the page side's copy in
 * `storage.local` (storage/settings.ts), and that change event is what drops the kept settings. A read that
 * fails is not kept, so the next message reads again.
 */
export function createSettingsCache(db: LiangzhaoDatabase): () => Promise<Settings> {
  let kept: Promise<Settings> | null = null;
  browser.storage?.onChanged?.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_MIRROR_KEY in changes) kept = null;
  });
  return () => {
    if (kept) return kept;
    const reading = loadSettings(db);
    kept = reading;
    reading.catch(() => {
      if (kept === reading) kept = null;
    });
    return reading;
  };
}
