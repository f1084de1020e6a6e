import { useEffect, useState } from 'preact/hooks';
import { t } from '@/i18n';
import type { PageType } from '@/rules/types';
import type { PopupModel } from '@/entrypoints/popup/model';
import { formatTime } from '@/i18n/dates';
import { Checklist } from '../../components/Checklist';
import { GradeBadge } from '../../components/GradeBadge';
import { StorageBanner } from '../../components/StorageBanner';
import { EvidenceMark } from '../../components/EvidenceMark';
import { consumerVerdict, pageTypeName, scoreName, verdictName } from '@/i18n/text';
import { scoreOf } from '@/rules/scoring';
import { PageTypeOptions } from '../../components/PageTypeOptions';
import { PageTypeReasons } from '../../components/PageTypeReasons';
import type { EvidenceSlotProps } from './EvidenceSlot';
import { TermsPanel } from './TermsPanel';

export function PopupApp({ model, dashboardUrl }: { model: PopupModel; dashboardUrl: string }) {
  const locale = model.locale.value;
  const phase = model.phase.value;
  return (
    <main class="popup">
      <StorageBanner status={model.writeStatus.value} locale={locale} />
      <h1 class="visually-hidden">{t('popup_title', locale)}</h1>
      {phase === 'loading' && <p aria-live="polite">{t('popup_loading', locale)}</p>}
      {phase === 'unsupported' && (
        <section class="empty-state" data-state="unsupported">
          <h2>{t('popup_unsupported', locale)}</h2>
          <p>{t('popup_unsupported_help', locale)}</p>
        </section>
      )}
      {phase === 'no-script' && (
        <section class="empty-state" data-state="no-script">
          <h2>{t('popup_no_script', locale)}</h2>
          <p>{t('popup_no_script_help', locale)}</p>
        </section>
      )}
      {phase === 'ready' && <CurrentPage model={model} dashboardUrl={dashboardUrl} />}
      <History model={model} />
      <nav class="links">
        <a href={dashboardUrl} target="_blank" rel="noopener">
          {t('popup_open_dashboard', locale)}
        </a>
        <a href={`${dashboardUrl}#export`} target="_blank" rel="noopener">
          {t('popup_open_exports', locale)}
        </a>
      </nav>
    </main>
  );
}

function CurrentPage({ model, dashboardUrl }: { model: PopupModel; dashboardUrl: string }) {
  const locale = model.locale.value;
  const result = model.result.value;
  const auditing = model.auditing.value;
  return (
    <>
      <header class="page-header">
        {result && <GradeBadge grade={result.grade} verdict={result.verdict} locale={locale} />}
        <div class="page-header__text">
          <p class="site">
            <span class="visually-hidden">{t('popup_site_label', locale)}: </span>
            <span data-testid="site">{model.host.value}</span>
          </p>
          {result && (
            <p>
              <span class={`verdict verdict--${result.verdict}`}>{verdictName(result.verdict, locale)}</span>
              {' · '}
              <span data-testid="score">{scoreName(scoreOf(result), locale)}</span>
            </p>
          )}
        </div>
      </header>
      {result ? (
        <>
          <div class="controls">
            <label>
              {t('popup_page_type_label', locale)}{' '}
              <select
                value={result.pageType}
                disabled={auditing}
                onChange={(event) => void model.changePageType((event.currentTarget as HTMLSelectElement).value as PageType)}
              >
                <PageTypeOptions locale={locale} />
              </select>
            </label>
            {model.rescoredAs.value && (
              <span class="muted" role="status">
                {' '}
                {t('popup_rescored', locale, { type: pageTypeName(model.rescoredAs.value, locale) })}
              </span>
            )}
            {!model.rescoredAs.value && result.detectedPageType !== result.pageType && (
              <span class="muted"> {t('popup_detected_type', locale, { type: pageTypeName(result.detectedPageType, locale) })}</span>
            )}
          </div>
          <PageTypeChoice model={model} />
          <p class="consumer-verdict" data-testid="consumer-verdict">
            <span class="visually-hidden">{t('popup_verdict_heading', locale)}: </span>
            {consumerVerdict(result, locale)}
          </p>
        </>
      ) : (
        <p>{t('popup_no_result', locale)}</p>
      )}
      <div class="controls">
        <button type="button" class="primary" disabled={auditing} onClick={() => void model.auditNow()}>
          {auditing ? t('popup_auditing', locale) : t('popup_audit_now', locale)}
        </button>
        <label class="switch">
          <input
            type="checkbox"
            checked={model.paused.value}
            onChange={(event) => void model.setPaused((event.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {t('popup_pause_label', locale)}
        </label>
      </div>
      <p class="muted" aria-live="polite">
        {model.paused.value
          ? t('popup_paused_note', locale)
          : model.settings.value.autoAudit
            ? ''
            : t('popup_auto_off_note', locale)}
      </p>
      {model.error.value && (
        <p class="banner banner--error" role="alert">
          {t('popup_audit_failed', locale, { error: model.error.value })}
        </p>
      )}
      {model.terms.value && <TermsPanel panel={model.terms.value.panel} locale={locale} dashboardUrl={dashboardUrl} />}
      {result && (
        <section aria-labelledby="checklist-heading">
          <h2 id="checklist-heading">{t('popup_checklist_heading', locale)}</h2>
          <Checklist
            results={result.results}
            locale={locale}
            highlights={model.highlights.value}
            onShow={(key, evidence, label) => void model.showOnPage(key, evidence, label)}
          />
        </section>
      )}
      {result && model.tab.value && (
        <LazyEvidenceSlot tabId={model.tab.value.id} locale={locale} dashboardUrl={dashboardUrl} />
      )}
    </>
  );
}

function History({ model }: { model: PopupModel }) {
  const locale = model.locale.value;
  const history = model.history.value;
  return (
    <section aria-labelledby="history-heading" class="history">
      <h2 id="history-heading">{t('popup_history_heading', locale)}</h2>
      {history.length === 0 ? (
        <p>{t('popup_history_empty', locale)}</p>
      ) : (
        <ol>
          {history.map((audit) => (
            <li key={audit.id}>
              <GradeBadge grade={audit.grade} verdict={audit.verdict} locale={locale} />{' '}
              <span class="history__host">{audit.host}</span> <span class="history__title">{audit.title}</span>{' '}
              {audit.captureId !== undefined && (
                <>
                  <EvidenceMark locale={locale} />{' '}
                </>
              )}
              <time class="muted" dateTime={new Date(audit.auditedAtMs).toISOString()}>
                {formatTime(audit.auditedAtMs, locale)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Asks the person to settle an uncertain page type in one click, and says how a choice is remembered. */
function PageTypeChoice({ model }: { model: PopupModel }) {
  const locale = model.locale.value;
  const result = model.result.value;
  if (!result) return null;
  const classification = result.classification;
  const override = model.override.value;
  const askingPerson = classification?.uncertain && result.pageType === result.detectedPageType && !override && !model.rescoredAs.value;
  return (
    <div class="page-type-choice">
      {askingPerson && (
        <p class="confirm" data-testid="page-type-confirm">
          {t('popup_confirm_prompt', locale)}{' '}
          {classification.candidates.slice(0, 2).map((candidate) => (
            <button key={candidate.type} type="button" disabled={model.auditing.value} onClick={() => void model.changePageType(candidate.type)}>
              {t('popup_confirm_as', locale, { type: pageTypeName(candidate.type, locale) })}
            </button>
          ))}
        </p>
      )}
      {override ? (
        <p class="muted" data-testid="page-type-remembered">
          {t('popup_remembered', locale, { pattern: override.pattern, type: pageTypeName(override.pageType, locale) })}{' '}
          <button type="button" class="link-button" disabled={model.auditing.value} onClick={() => void model.forgetOverride()}>
            {t('popup_forget', locale)}
          </button>
        </p>
      ) : (
        <label class="muted">
          {t('popup_remember_label', locale)}{' '}
          <select
            name="remember"
            value={model.rememberScope.value}
            onChange={(event) => (model.rememberScope.value = (event.currentTarget as HTMLSelectElement).value as typeof model.rememberScope.value)}
          >
            <option value="page">{t('popup_remember_page', locale)}</option>
            <option value="host">{t('popup_remember_host', locale, { host: model.host.value })}</option>
            <option value="none">{t('popup_remember_none', locale)}</option>
          </select>
        </label>
      )}
      {classification && <PageTypeReasons classification={classification} locale={locale} />}
    </div>
  );
}

/** The evidence section, below the checklist: its code (capture, case fields, the sealing it names) loads after the
 *  popup's first render, which does not wait for it. */
function LazyEvidenceSlot(props: EvidenceSlotProps) {
  const [Slot, setSlot] = useState<typeof import('./EvidenceSlot').EvidenceSlot | null>(null);
  useEffect(() => {
    void import('./EvidenceSlot').then((module) => setSlot(() => module.EvidenceSlot));
  }, []);
  return Slot ? <Slot {...props} /> : null;
}
