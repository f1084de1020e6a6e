import { t } from '@/i18n';
import type { DashboardModel, DashboardView } from '@/entrypoints/dashboard/model';
import type { LiangzhaoDatabase } from '@/storage/db';
import { AuditTable } from './AuditTable';
import { EvidenceToolbar } from './EvidenceToolbar';
import { FilterBar } from './FilterBar';
import { SettingsPanel } from './SettingsPanel';
import { SiteView } from './SiteView';
import { TermsView } from './TermsView';
import { BatchView } from './BatchView';
import type { BatchModel } from './batch-model';

const VIEWS: Array<{ view: DashboardView; key: string }> = [
  { view: 'history', key: 'nav_history' },
  { view: 'site', key: 'nav_site' },
  { view: 'terms', key: 'nav_terms' },
  { view: 'batch', key: 'nav_batch' },
  { view: 'settings', key: 'nav_settings' },
];

export function DashboardApp({
  model,
  batchModel,
  db,
  ruleIds,
}: {
  model: DashboardModel;
  batchModel: BatchModel;
  db: LiangzhaoDatabase;
  ruleIds: readonly string[];
}) {
  const locale = model.locale.value;
  const view = model.view.value;
  return (
    <>
      <header class="dashboard-header">
        <h1>{t('dashboard_title', locale)}</h1>
        <nav aria-label={t('dashboard_nav_label', locale)}>
          {VIEWS.map((item) => (
            <button
              key={item.view}
              type="button"
              class="tab"
              data-view={item.view}
              aria-current={view === item.view ? 'page' : undefined}
              onClick={() => (model.view.value = item.view)}
            >
              {t(item.key, locale)}
            </button>
          ))}
        </nav>
      </header>
      <main class="dashboard">
        <div class="toolbar-area" id="export">
          <EvidenceToolbar locale={locale} query={{ ...model.query.value }} />
        </div>
        {model.error.value && (
          <p class="banner banner--error" role="alert">
            {t('error_banner', locale, { error: model.error.value })}
          </p>
        )}
        {view === 'history' && <History model={model} ruleIds={ruleIds} />}
        {view === 'site' && <SiteView model={model} />}
        {view === 'terms' && <TermsView db={db} locale={locale} />}
        {view === 'batch' && (
          <BatchView
            model={batchModel}
            ruleIds={ruleIds}
            onOpenAudit={({ audit }) => {
              if (!audit) return;
              model.openSite(audit.host);
              model.compare(audit.url);
            }}
          />
        )}
        {view === 'settings' && <SettingsPanel model={model} />}
      </main>
    </>
  );
}

function History({ model, ruleIds }: { model: DashboardModel; ruleIds: readonly string[] }) {
  const locale = model.locale.value;
  const { rows } = model.listing.value;
  const total = model.total.value;
  const page = model.page.value;
  const pages = model.pages.value;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading" class="visually-hidden">
        {t('nav_history', locale)}
      </h2>
      <FilterBar model={model} ruleIds={ruleIds} />
      <p role="status" data-testid="result-count">
        {total === null ? t('loading', locale) : t('results_count', locale, { total })}
      </p>
      {rows.length === 0 && !model.loading.value ? (
        <p>{t('no_audits', locale)}</p>
      ) : (
        <AuditTable
          rows={rows}
          locale={locale}
          caption={t('nav_history', locale)}
          sort={model.sort.value}
          onSort={(column) => model.sortBy(column)}
          onOpenSite={(host) => model.openSite(host)}
          onDelete={(id) => model.deleteAudit(id)}
          evidenceWarning={(auditId) => model.evidenceWarning({ auditId })}
        />
      )}
      <nav class="pager" aria-label={t('pagination_label', locale)}>
        <button type="button" disabled={page === 0} onClick={() => model.goToPage(page - 1)}>
          {t('page_prev', locale)}
        </button>
        <span>{t('page_status', locale, { page: page + 1, pages })}</span>
        <button type="button" disabled={page >= pages - 1} onClick={() => model.goToPage(page + 1)}>
          {t('page_next', locale)}
        </button>
      </nav>
    </section>
  );
}
