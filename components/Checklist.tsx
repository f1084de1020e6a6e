import { t } from '@/i18n';
import type { Evidence, HiddenReason, Locale, RuleResult } from '@/rules/types';
import { buildChecklist, lineOutcome } from '@/rules/checklist';
import { StatusChip } from './GradeBadge';
import { citations, groupName, hiddenReasonName, resultMessage, ruleTitle } from '@/i18n/text';

/** How many pieces of evidence a line offers to show; the rest are in the exports. */
const EVIDENCE_SHOWN = 3;

/** What the page answered when asked to show a piece of evidence. */
export type HighlightOutcome =
  | { state: 'shown' }
  | { state: 'hidden'; reason?: HiddenReason }
  | { state: 'missing' }
  | { state: 'failed'; error: string };

interface ChecklistProps {
  results: readonly RuleResult[];
  locale: Locale;
  highlights: Record<string, HighlightOutcome>;
  onShow?: (key: string, evidence: Evidence, label: string) => void;
}

export function Checklist({ results, locale, highlights, onShow }: ChecklistProps) {
  const checklist = buildChecklist(results);
  if (checklist.groups.length === 0 && checklist.notApplicable.length === 0) {
    return <p>{t('checklist_empty', locale)}</p>;
  }
  return (
    <div class="checklist">
      {checklist.groups.map((group) => (
        <section class="checklist__group" key={group.group} aria-labelledby={`group-${group.group}`}>
          <h3 id={`group-${group.group}`}>
            {groupName(group.group, locale)} <StatusChip status={group.status} locale={locale} />
          </h3>
          <ul>
            {group.items.map((result) => (
              <RuleLine key={result.ruleId} result={result} locale={locale} highlights={highlights} onShow={onShow} />
            ))}
          </ul>
        </section>
      ))}
      {checklist.notApplicable.length > 0 && (
        <details class="checklist__na">
          <summary>{t('checklist_not_applicable', locale, { count: checklist.notApplicable.length })}</summary>
          <ul>
            {checklist.notApplicable.map((result) => (
              <RuleLine key={result.ruleId} result={result} locale={locale} highlights={highlights} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function RuleLine({ result, locale, highlights, onShow }: Omit<ChecklistProps, 'results'> & { result: RuleResult }) {
  const title = ruleTitle(result.ruleId, locale);
  const status = lineOutcome(result);
  return (
    <li class={`rule rule--${status}`} data-rule={result.ruleId}>
      <div class="rule__head">
        <StatusChip status={status} locale={locale} /> <strong>{title}</strong>
        {result.level === 'encouraged' && <span class="muted"> {t('checklist_encouraged', locale)}</span>}
      </div>
      <p class="rule__message">{resultMessage(result, locale)}</p>
      <p class="rule__basis">{t('checklist_basis', locale, { basis: citations(result.basis, locale) })}</p>
      {onShow && result.evidence.length > 0 && (
        <ul class="rule__evidence">
          {result.evidence.slice(0, EVIDENCE_SHOWN).map((evidence, i) => {
            const key = `${result.ruleId}#${i}`;
            const outcome = highlights[key];
            return (
              <li key={key}>
                <span class="evidence__text">{t('evidence_item', locale, { text: clip(evidence.text) })}</span>
                {evidence.visible === false && (
                  <span class="evidence__hidden"> {highlightText({ state: 'hidden', reason: evidence.hiddenReason }, locale)}</span>
                )}{' '}
                <button
                  type="button"
                  class="link-button"
                  onClick={() => onShow(key, evidence, t('highlight_label', locale, { rule: title }))}
                >
                  {t('show_on_page', locale)}
                </button>
                <span class="evidence__outcome" aria-live="polite">
                  {outcome ? highlightText(outcome, locale) : ''}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}

function clip(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function highlightText(outcome: HighlightOutcome, locale: Locale): string {
  switch (outcome.state) {
    case 'shown':
      return t('highlight_shown', locale);
    case 'hidden':
      return outcome.reason
        ? t('highlight_hidden', locale, { reason: hiddenReasonName(outcome.reason, locale) })
        : t('highlight_hidden_unknown', locale);
    case 'missing':
      return t('highlight_missing', locale);
    case 'failed':
      return t('highlight_failed', locale, { error: outcome.error });
  }
}
