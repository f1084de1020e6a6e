import { t } from '@/i18n';
import { formatTime } from '@/i18n/dates';
import type { BatchItemState, StoredBatch } from '@/storage/db';
import { MAX_CONCURRENCY, outcomeKey } from '@/storage/batches';
import type { SortColumn } from '@/storage/audits';
import { GradeBadge } from '../../components/GradeBadge';
import { pageTypeName } from '@/i18n/text';
import type { BatchModel, BatchRow } from './batch-model';
import { FilterBar } from './FilterBar';
import { AUDIT_COLUMNS } from './AuditTable';
import { SortHeading } from './SortHeading';

const OUTCOMES: BatchItemState[] = ['audited', 'timed-out', 'load-failed', 'not-web', 'cancelled', 'open', 'queued'];

/** List order, then the history's columns (the page shows its site). */
const COLUMNS: Array<{ column: SortColumn | 'index'; key: string }> = [
  { column: 'index', key: 'batch_col_index' },
  ...AUDIT_COLUMNS.filter(({ column }) => column !== 'host'),
];

export interface BatchViewProps {
  model: BatchModel;
  ruleIds: readonly string[];
  onOpenAudit: (row: BatchRow) => void;
}

/** 批量核查: a new batch from a list, the batches so far, and one batch's progress and results. */
export function BatchView(props: BatchViewProps) {
  const { model } = props;
  return (
    <section aria-labelledby="batch-heading" class="batch">
      <h2 id="batch-heading">{t('nav_batch', model.locale.value)}</h2>
      <NewBatch model={model} />
      <BatchList model={model} />
      {model.selected.value && <BatchDetail {...props} batch={model.selected.value} />}
    </section>
  );
}

function NewBatch({ model }: { model: BatchModel }) {
  const locale = model.locale.value;
  const parsed = model.parsed.value;
  const value = (event: Event) => (event.currentTarget as HTMLInputElement).value;
  return (
    <form
      class="batch-new"
      aria-label={t('batch_new', locale)}
      onSubmit={(event) => {
        event.preventDefault();
        void model.start();
      }}
    >
      <h3>{t('batch_new', locale)}</h3>
      <label class="batch-new__list">
        {t('batch_list_label', locale)}
        <textarea
          name="urls"
          rows={6}
          value={model.listText.value}
          placeholder={t('batch_list_placeholder', locale)}
          onInput={(event) => (model.listText.value = (event.currentTarget as HTMLTextAreaElement).value)}
        />
      </label>
      <label>
        {t('batch_file_label', locale)}
        <input
          type="file"
          name="file"
          accept=".txt,.csv,text/plain,text/csv"
          onChange={(event) => {
            const file = (event.currentTarget as HTMLInputElement).files?.[0];
            if (file) void model.openFile(file);
          }}
        />
      </label>
      <p role="status" data-testid="batch-counts">
        {t('batch_counts', locale, {
          valid: parsed.entries.length,
          duplicates: parsed.duplicates,
          notWeb: parsed.notWeb.length,
          invalid: parsed.invalid.length,
        })}
      </p>
      <div class="batch-new__options">
        <label>
          {t('batch_name_label', locale)}
          <input type="text" name="name" value={model.name.value} onInput={(event) => (model.name.value = value(event))} />
        </label>
        <label>
          {t('batch_concurrency_label', locale)}
          <select
            name="concurrency"
            value={String(model.concurrency.value)}
            onChange={(event) => (model.concurrency.value = Number(value(event)))}
          >
            {Array.from({ length: MAX_CONCURRENCY }, (_, i) => i + 1).map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label class="batch-new__capture">
          <input
            type="checkbox"
            name="capture"
            checked={model.capture.value}
            onChange={(event) => void model.setCapture((event.currentTarget as HTMLInputElement).checked)}
          />
          {t('batch_capture_label', locale)}
        </label>
      </div>
      <p class="muted batch-new__why">{t('batch_capture_why', locale)}</p>
      {model.captureRefused.value && (
        <p class="banner banner--warning" role="alert">
          {t('batch_capture_refused', locale)}
        </p>
      )}
      <button type="submit" disabled={parsed.entries.length === 0 || model.starting.value}>
        {t('batch_start', locale, { count: parsed.entries.length })}
      </button>
    </form>
  );
}

function BatchList({ model }: { model: BatchModel }) {
  const locale = model.locale.value;
  const batches = model.batches.value;
  if (batches.length === 0) return <p>{t('batch_none', locale)}</p>;
  return (
    <nav class="batch-list" aria-label={t('batch_list_heading', locale)}>
      <label>
        {t('batch_list_heading', locale)}
        <select name="batch" value={String(model.selectedId.value ?? '')} onChange={(event) => model.select(Number((event.currentTarget as HTMLSelectElement).value))}>
          {batches.map((batch) => (
            <option key={batch.id} value={String(batch.id)}>
              {t('batch_option', locale, {
                name: batch.name,
                time: formatTime(batch.createdAtMs, locale),
                state: t(`batch_state_${batch.state}`, locale),
              })}
            </option>
          ))}
        </select>
      </label>
    </nav>
  );
}

function BatchDetail({ model, batch, ruleIds, onOpenAudit }: BatchViewProps & { batch: StoredBatch }) {
  const locale = model.locale.value;
  const progress = model.progress.value;
  const rows = model.rows.value;
  const sort = model.sort.value;
  const minutes = progress?.remainingMs == null ? null : Math.max(1, Math.round(progress.remainingMs / 60_000));
  return (
    <div class="batch-detail" data-batch-id={batch.id}>
      <h3>{batch.name}</h3>
      <p class="muted">
        {t('batch_times', locale, {
          created: formatTime(batch.createdAtMs, locale),
          finished: batch.finishedAtMs === undefined ? t('batch_not_finished', locale) : formatTime(batch.finishedAtMs, locale),
        })}
      </p>
      {progress && (
        <div class="batch-progress">
          <progress max={progress.total} value={progress.done} />
          <p role="status" data-testid="batch-progress">
            {t('batch_progress', locale, {
              done: progress.done,
              total: progress.total,
              failed: progress.failed,
              timedOut: progress.timedOut,
              state: t(`batch_state_${batch.state}`, locale),
            })}
            {minutes !== null && ` · ${t('batch_time_left', locale, { minutes })}`}
          </p>
        </div>
      )}
      <div class="controls">
        {batch.state === 'running' && (
          <button type="button" onClick={() => void model.pause()}>
            {t('batch_pause', locale)}
          </button>
        )}
        {batch.state === 'paused' && (
          <button type="button" onClick={() => void model.resume()}>
            {t('batch_resume', locale)}
          </button>
        )}
        {(batch.state === 'running' || batch.state === 'paused') && (
          <button type="button" onClick={() => void model.cancel()}>
            {t('batch_cancel', locale)}
          </button>
        )}
        {(['csv', 'json', 'zip'] as const).map((format) => (
          <button key={format} type="button" disabled={model.exporting.value} data-export={format} onClick={() => void model.exportAs(format)}>
            {t(`batch_export_${format}`, locale)}
          </button>
        ))}
      </div>
      <FilterBar model={model} ruleIds={ruleIds} />
      <label>
        {t('batch_outcome_filter', locale)}
        <select
          name="outcome"
          value={model.outcome.value}
          onChange={(event) => (model.outcome.value = (event.currentTarget as HTMLSelectElement).value as BatchItemState | '')}
        >
          <option value="">{t('filter_any', locale)}</option>
          {OUTCOMES.map((state) => (
            <option key={state} value={state}>
              {t(outcomeKey(state), locale)}
            </option>
          ))}
        </select>
      </label>
      {model.error.value && (
        <p class="banner banner--error" role="alert">
          {t('error_banner', locale, { error: model.error.value })}
        </p>
      )}
      <table class="audits batch-results">
        <caption class="visually-hidden">{t('batch_results', locale)}</caption>
        <thead>
          <tr>
            {COLUMNS.map(({ column, key }) => (
              <SortHeading key={column} column={column} label={t(key, locale)} sort={sort} onSort={(c) => model.sortBy(c)} />
            ))}
            <th scope="col">{t('batch_col_outcome', locale)}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <ResultRow key={row.item.id} row={row} model={model} onOpenAudit={onOpenAudit} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ResultRow({ row, model, onOpenAudit }: { row: BatchRow; model: BatchModel; onOpenAudit: (row: BatchRow) => void }) {
  const locale = model.locale.value;
  const { item, audit } = row;
  return (
    <tr data-item-index={item.index} data-outcome={item.state}>
      <td class="num">{item.index + 1}</td>
      <td class="page-cell">
        {audit ? (
          <button type="button" class="link-button page-cell__title" onClick={() => onOpenAudit(row)}>
            {audit.title || audit.url}
          </button>
        ) : (
          item.label && <span class="page-cell__title">{item.label}</span>
        )}
        <span class="page-cell__url">{item.finalUrl && item.finalUrl !== item.url ? `${item.url} → ${item.finalUrl}` : item.url}</span>
      </td>
      <td>{audit ? pageTypeName(audit.pageType, locale) : ''}</td>
      <td>{audit && <GradeBadge grade={audit.grade} verdict={audit.verdict} locale={locale} />}</td>
      <td class="num">{audit?.score ?? ''}</td>
      <td class="num">{audit?.failedCount ?? ''}</td>
      <td>{audit ? <time dateTime={new Date(audit.auditedAtMs).toISOString()}>{formatTime(audit.auditedAtMs, locale)}</time> : ''}</td>
      <td class={`batch-outcome batch-outcome--${item.state}`}>
        {t(outcomeKey(item.state), locale)}
        {item.reason && <span class="muted"> ({reasonText(item.reason, locale)})</span>}
      </td>
    </tr>
  );
}

function reasonText(reason: string, locale: BatchModel['locale']['value']): string {
  if (reason === 'no-response' || reason === 'not-http' || reason === 'not-loaded' || reason === 'no-audit') {
    return t(`batch_reason_${reason.replace('-', '_')}`, locale);
  }
  return reason;
}
