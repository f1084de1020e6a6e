import '@/components/styles.css';
import './batch.css';
import { render } from 'preact';
import { effect } from '@preact/signals';
import { ruleCatalogue } from '@/rules';
import { DEFAULT_LOCALE, loadLocale, t } from '@/i18n';
import { readFirst } from '@/storage/first-read';
import type { Settings } from '@/storage/settings';
import { LiangzhaoDatabase } from '@/storage/db';
import { BATCH_CAPTURE_PERMISSION } from '@/storage/batches';
import { createDashboardModel } from '@/entrypoints/dashboard/model';
import { batchIdFromHash, createBatchModel } from '@/entrypoints/dashboard/batch-model';
import { downloadFile } from '@/evidence/panels';
import { langOf } from '@/i18n/dates';
import { DashboardApp } from '@/entrypoints/dashboard/App';
import { documentFromHash } from '@/entrypoints/dashboard/terms-model';

/** Draws the dashboard with the settings read first, in their language, whose messages are loaded (the other
 *  language's only if an export asks). */
function startDashboard(db: LiangzhaoDatabase, settings: Settings | null) {
  const model = createDashboardModel(db, { settings });
  const batchModel = createBatchModel(db, {
    wake: () => browser.runtime.sendMessage({ type: 'batch:wake' }),
    requestCapture: () => browser.permissions.request(BATCH_CAPTURE_PERMISSION),
    locale: () => model.locale.value,
    extensionVersion: browser.runtime.getManifest().version,
    save: downloadFile,
  });

  /** `#batch=<id>` (the batch window's own tab, or a link): that batch, and its progress in the tab's title. */
  function followHash() {
    const batchId = batchIdFromHash(location.hash);
    if (batchId === null) return;
    model.view.value = 'batch';
    batchModel.select(batchId);
  }
  followHash();
  addEventListener('hashchange', followHash);
  // The popup links a terms page's versions as `#terms=<canonical URL>`.
  if (documentFromHash(location.hash)) model.view.value = 'terms';

  effect(() => {
    const locale = model.locale.value;
    document.documentElement.lang = langOf(locale);
    const progress = batchModel.progress.value;
    const batch = batchModel.selected.value;
    document.title =
      model.view.value === 'batch' && batch && progress
        ? t('batch_tab_title', locale, {
            done: progress.done,
            total: progress.total,
            failed: progress.failed + progress.timedOut,
            state: t(`batch_state_${batch.state}`, locale),
            name: batch.name,
          })
        : t('dashboard_title', locale);
  });
  render(
    <DashboardApp model={model} batchModel={batchModel} db={db} ruleIds={ruleCatalogue.map((rule) => rule.id)} />,
    document.getElementById('app')!,
  );
}

// Dexie starts opening the database (the slowest step before the rows) while the settings are read and their
// language's messages load.
const db = new LiangzhaoDatabase();
void db.open().catch(() => undefined);
void readFirst(0).then(async (read) => {
  await loadLocale(read?.settings.locale ?? DEFAULT_LOCALE);
  startDashboard(db, read?.settings ?? null);
});
