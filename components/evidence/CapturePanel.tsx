import './evidence.css';
import { t } from '@/i18n';
import type { Locale } from '@/rules/types';
import { MHTML_REFUSED, type CaseFields } from '@/evidence/seal/record';
import type { CaptureModel } from '@/evidence/panels';

const FIELDS: Array<{ field: keyof CaseFields; key: string }> = [
  { field: 'caseNumber', key: 'evidenceCase_caseNumber' },
  { field: 'inspector', key: 'evidenceCase_inspector' },
  { field: 'task', key: 'evidenceCase_task' },
];

export interface CapturePanelProps {
  model: CaptureModel;
  tabId: number;
  locale: Locale;
  dashboardUrl: string;
}

/** The popup's "Capture evidence": the inspector's case fields, the capture button and its outcome. */
export function CapturePanel({ model, tabId, locale, dashboardUrl }: CapturePanelProps) {
  const fields = model.caseFields.value;
  const reply = model.reply.value;
  const capturing = model.capturing.value;
  return (
    <div class="evidence-capture" data-testid="evidence-capture">
      <details class="case-fields" open={!fields.caseNumber && !fields.inspector}>
        <summary>{t('evidenceUi_caseFields', locale)}</summary>
        <p class="muted">{t('evidenceUi_caseFieldsHelp', locale)}</p>
        {FIELDS.map(({ field, key }) => (
          <label key={field} class="case-field">
            <span>{t(key, locale)}</span>
            <input
              type="text"
              name={field}
              value={fields[field]}
              onChange={(event) => void model.setField(field, (event.currentTarget as HTMLInputElement).value)}
            />
          </label>
        ))}
      </details>
      {model.pageCaptureNeeded.value && (
        <p class="muted" data-testid="page-capture-why">
          {t('evidenceUi_pageCaptureWhy', locale)}
        </p>
      )}
      <p class="controls">
        <button type="button" class="primary" data-testid="capture-evidence" disabled={capturing} onClick={() => void model.capture(tabId)}>
          {t(capturing ? 'evidenceUi_capturing' : 'evidenceUi_capture', locale)}
        </button>{' '}
        <span class="muted">{t('evidenceUi_shortcut', locale, { keys: 'Alt+Shift+E' })}</span>
      </p>
      <div aria-live="polite" data-testid="capture-status">
        {reply?.ok && (
          <p class="banner banner--ok">
            {t('evidenceUi_captured', locale, { sequence: reply.sequence, digest: reply.digest.slice(0, 16) })}{' '}
            {reply.absent.some((a) => a.kind === 'mhtml') && (
              <span class="muted">
                {t(reply.absent.some((a) => a.reason === MHTML_REFUSED) ? 'evidenceUi_noMhtmlRefused' : 'evidenceUi_noMhtml', locale)}{' '}
              </span>
            )}
            <a href={`${dashboardUrl}#export=${reply.auditId}`} target="_blank" rel="noopener">
              {t('evidenceUi_exportThis', locale)}
            </a>
          </p>
        )}
        {reply && !reply.ok && (
          <p class="banner banner--error" role="alert">
            {t(reply.error, locale)}
            {reply.detail ? ` (${reply.detail})` : ''}
          </p>
        )}
      </div>
    </div>
  );
}
