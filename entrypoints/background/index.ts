// Badges and tooltips in either language, synchronously; a service worker cannot import() a catalogue on demand.
import '@/i18n/all-locales';
import { createRouter } from '@/entrypoints/background/router';
import { clearBadgeText, clearBadgeTitle } from '@/entrypoints/background/badge';
import { registerEvidenceCapture } from '@/entrypoints/background/capture';
import { registerBatchRunner } from '@/entrypoints/background/batch';
import { LiangzhaoDatabase } from '@/storage/db';
import { DEFAULT_SETTINGS, syncSettingsMirror } from '@/storage/settings';
import { createSettingsCache } from '@/entrypoints/background/settings-cache';
import { createAuditWriter, extensionStore } from '@/storage/audit-writer';
import { listen } from '@/messaging/protocol';

/** Wakes the worker to retry writes the database refused (alarms fire no sooner than 30 s in a packed extension). */
export const RETRY_WRITES_ALARM = 'liangzhao.retry-writes';

/**
 * The service worker may be stopped at any moment and started again by the next event, so everything it needs is
 * set up here, synchronously, on every start: listeners first, then the queue a previous worker left is written.
 */
export default defineBackground(() => {
  const db = new LiangzhaoDatabase();
  // Audits wait in extension storage until they are written, so neither a stopped worker nor a reload loses them.
  const writer = createAuditWriter(db, {
    store: extensionStore(),
    wake: (delayMs) => void browser.alarms.create(RETRY_WRITES_ALARM, { when: Date.now() + delayMs }),
  });
  const settings = createSettingsCache(db);
  listen(createRouter(db, writer, settings));
  registerEvidenceCapture(db);
  // An install, update or reload, and the browser's start, start a worker: it writes what is still queued.
  browser.runtime.onInstalled.addListener(() => void writer.flush());
  browser.runtime.onStartup.addListener(() => void writer.flush());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETRY_WRITES_ALARM) void writer.flush();
  });
  registerBatchRunner(db);
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // The grade goes at once: cleared only after a database read, it could wipe the new page's grade, which a
    // quick audit sets in the meantime. The cleared tooltip speaks the chosen language too (the default if the
    // database is unreadable), unless the new page's grade came first.
    if (change.status !== 'loading') return;
    void clearBadgeText(tabId).catch(() => undefined);
    void settings()
      .catch(() => DEFAULT_SETTINGS)
      .then((settings) => clearBadgeTitle(tabId, settings.locale))
      .catch(() => undefined);
  });
  void writer.restore();
  // The page side's copy of the automatic-audit settings: made for an install older than it, and put right if a page
  // closed between writing a setting and writing the copy.
  void syncSettingsMirror(db).catch(() => undefined);
});
