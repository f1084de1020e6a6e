import './evidence.css';
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/i18n';
import type { Locale } from '@/rules/types';
import type { AuditFilters } from '@/storage/audits';
import type { ExportFormat } from '@/evidence/export/files';
import type { EvidenceModel } from '@/evidence/panels';
import type { ExportScope } from '@/evidence/task-shapes';

const FORMAT_KEYS: Record<ExportFormat, string> = {
  json: 'evidenceUi_formatJson',
  csv: 'evidenceUi_formatCsv',
  html: 'evidenceUi_formatHtml',
  zip: 'evidenceUi_formatZip',
};

export interface EvidenceToolsProps {
  model: EvidenceModel;
  locale: Locale;
  /** The dashboard's filters: "the audits shown" exports what they match. */
  filters: AuditFilters;
  /** The audit the popup linked to (`#export=<id>`), or null. */
  auditId: number | null;
  formats: readonly ExportFormat[];
}

/** The dashboard's Export / Import / Verify area. */
export function EvidenceTools({ model, locale, filters, auditId, formats }: EvidenceToolsProps) {
  const [scopeKind, setScopeKind] = useState<ExportScope['kind']>(auditId === null ? 'filtered' : 'audit');
  useEffect(() => setScopeKind(auditId === null ? 'filtered' : 'audit'), [auditId]);
  const progress = model.progress.value;
  const notice = model.notice.value;
  const busy = progress !== null;
  const scope: ExportScope =
    scopeKind === 'audit' && auditId !== null ? { kind: 'audit', id: auditId } : scopeKind === 'all' ? { kind: 'all' } : { kind: 'filtered', filters };
  const scopes: Array<{ kind: ExportScope['kind']; key: string; params?: Record<string, string | number> }> = [
    ...(auditId === null ? [] : [{ kind: 'audit' as const, key: 'evidenceUi_scopeAudit', params: { id: auditId } }]),
    { kind: 'filtered', key: 'evidenceUi_scopeFiltered' },
    { kind: 'all', key: 'evidenceUi_scopeAll' },
  ];

  return (
    <section class="evidence-tools" aria-labelledby="evidence-tools-heading" data-testid="evidence-tools">
      <h2 id="evidence-tools-heading">{t('evidenceUi_toolsHeading', locale)}</h2>
      <div class="evidence-tools__row">
        <fieldset>
          <legend>{t('evidenceUi_scope', locale)}</legend>
          {scopes.map((s) => (
            <label key={s.kind} class="evidence-tools__choice">
              <input type="radio" name="evidence-scope" value={s.kind} checked={scopeKind === s.kind} onChange={() => setScopeKind(s.kind)} />{' '}
              {t(s.key, locale, s.params)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('evidenceUi_export', locale)}</legend>
          {formats.map((format) => (
            <button key={format} type="button" data-format={format} disabled={busy} onClick={() => void model.exportAs(format, scope, locale)}>
              {t(FORMAT_KEYS[format], locale)}
            </button>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('evidenceUi_importVerify', locale)}</legend>
          <FilePicker
            label={t('evidenceUi_import', locale)}
            accept=".json,application/json"
            testId="import-json"
            disabled={busy}
            onFile={(file) => model.importFile(file, locale)}
          />
          <button type="button" data-testid="verify-chain" disabled={busy} onClick={() => void model.verifyChain(locale)}>
            {t('evidenceUi_verifyChain', locale)}
          </button>
          <FilePicker
            label={t('evidenceUi_verifyBundle', locale)}
            accept=".zip,application/zip"
            testId="verify-bundle"
            disabled={busy}
            onFile={(file) => model.verifyBundleFile(file, file.name, locale)}
          />
        </fieldset>
      </div>
      {progress && (
        <p class="evidence-tools__progress">
          <label>
            {progress.label} {t('evidenceUi_progress', locale, { done: progress.done, total: progress.total })}{' '}
            <progress max={Math.max(progress.total, 1)} value={progress.done} />
          </label>{' '}
          <button type="button" onClick={() => model.cancel()}>
            {t('evidenceUi_cancel', locale)}
          </button>
        </p>
      )}
      <div aria-live="polite" data-testid="evidence-notice">
        {notice && (
          <div class={`banner ${notice.ok ? 'banner--ok' : 'banner--error'}`} data-ok={String(notice.ok)}>
            <p>{notice.text}</p>
            {notice.details && notice.details.length > 0 && (
              <ul>
                {notice.details.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </section>
  );
}

/**
 * A file input that looks like the panel's other buttons and speaks the interface's language (the native control's
 * "Choose File" follows the browser's language instead). It hands over the chosen file, then clears itself so the
 * same file can be chosen again.
 */
function FilePicker(props: {
  label: string;
  accept: string;
  testId: string;
  disabled: boolean;
  onFile: (file: File) => Promise<unknown>;
}) {
  return (
    <label class={`evidence-tools__file${props.disabled ? ' is-disabled' : ''}`}>
      <input
        type="file"
        class="visually-hidden"
        accept={props.accept}
        data-testid={props.testId}
        disabled={props.disabled}
        onChange={(event) => {
          const input = event.currentTarget as HTMLInputElement;
          const file = input.files?.[0];
          if (file) void props.onFile(file).finally(() => (input.value = ''));
        }}
      />
      {props.label}
    </label>
  );
}
