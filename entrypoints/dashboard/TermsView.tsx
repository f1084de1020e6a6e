import './terms.css';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '@/i18n';
import { splitSentences } from '@/rules/terms/normalise';
import type { DiffRow, TermsClause, TermsComparison } from '@/rules/terms/types';
import type { Locale } from '@/rules/types';
import type { LiangzhaoDatabase } from '@/storage/db';
import { createTermsModel, documentFromHash, type TermsModel } from './terms-model';
import { termsChangeSummary, termsDatesLine, termsDocumentKindName, termsNoticeLines, termsVersionLine } from '@/i18n/text';
import { formatIsoTime } from '@/i18n/dates';

/** 协议变更 / Terms changes: every tracked document, its versions on a timeline, and two versions side by side. */
export function TermsView({ db, locale }: { db: LiangzhaoDatabase; locale: Locale }) {
  const model = useMemo(() => createTermsModel(db, documentFromHash(location.hash)), [db]);
  useEffect(() => () => model.dispose(), [model]);
  const documents = model.documents.value;
  if (documents.length === 0) return <p data-testid="terms-none">{t('terms_view_none', locale)}</p>;
  return (
    <section class="terms-view" aria-labelledby="terms-view-heading">
      <h2 id="terms-view-heading">{t('terms_view_documents', locale)}</h2>
      <ul class="terms-documents">
        {documents.map((doc) => (
          <li key={doc.canonicalUrl}>
            <button
              type="button"
              aria-current={model.shownDocument.value === doc.canonicalUrl ? 'true' : undefined}
              onClick={() => (model.selected.value = doc.canonicalUrl)}
            >
              {doc.title || doc.canonicalUrl}
            </button>{' '}
            <span class="muted">
              {termsDocumentKindName(doc.kind, locale)} · {t('terms_view_versions_count', locale, { count: doc.versions })} · {doc.canonicalUrl}
            </span>
          </li>
        ))}
      </ul>
      <Timeline model={model} locale={locale} />
      <Comparison model={model} locale={locale} />
    </section>
  );
}


function Timeline({ model, locale }: { model: TermsModel; locale: Locale }) {
  const versions = model.versions.value;
  const sides = model.sides.value;
  return (
    <section aria-labelledby="terms-timeline-heading">
      <h3 id="terms-timeline-heading">{t('terms_view_timeline', locale)}</h3>
      <ol class="terms-timeline" data-testid="terms-timeline">
        {versions.map((version, index) => (
          <li key={version.digest} data-side={sides?.[0] === index ? 'before' : sides?.[1] === index ? 'after' : undefined}>
            <span>
              {termsVersionLine(version, index + 1, locale)}
            </span>
            <span class="muted"> {termsDatesLine(version.dates, locale)} · {version.digest.slice(0, 12)}</span>{' '}
            {versions.length > 1 && (
              <>
                <button type="button" onClick={() => model.choose(0, index)} aria-pressed={sides?.[0] === index}>
                  {t('terms_view_before', locale)}
                </button>
                <button type="button" onClick={() => model.choose(1, index)} aria-pressed={sides?.[1] === index}>
                  {t('terms_view_after', locale)}
                </button>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Comparison({ model, locale }: { model: TermsModel; locale: Locale }) {
  const comparison = model.comparison.value;
  const sides = model.sides.value;
  const [showSame, setShowSame] = useState(false);
  if (!comparison || !sides) return <p data-testid="terms-only-one">{t('terms_view_only_one', locale)}</p>;
  const [before, after] = sides.map((index) => model.versions.value[index]);
  return (
    <section aria-labelledby="terms-compare-heading" data-testid="terms-comparison">
      <h3 id="terms-compare-heading">{t('terms_view_compare', locale)}</h3>
      <Notice comparison={comparison} locale={locale} />
      <p data-testid="terms-counts">
        {termsChangeSummary(comparison, locale)}
      </p>
      <label>
        <input type="checkbox" checked={showSame} onChange={(event) => setShowSame((event.currentTarget as HTMLInputElement).checked)} />{' '}
        {t('terms_view_show_unchanged', locale)}
      </label>
      <table class="terms-diff" data-testid="terms-diff">
        <thead>
          <tr>
            <th scope="col">{t('terms_view_before', locale)} · {formatIsoTime(before.firstSeen, locale)}</th>
            <th scope="col">{t('terms_view_after', locale)} · {formatIsoTime(after.firstSeen, locale)}</th>
          </tr>
        </thead>
        <tbody>
          {comparison.rows
            .filter((row) => showSame || row.kind !== 'same')
            .map((row, index) => (
              <DiffLine key={index} row={row} before={before.clauses} after={after.clauses} locale={locale} />
            ))}
        </tbody>
      </table>
    </section>
  );
}

function Notice({ comparison, locale }: { comparison: TermsComparison; locale: Locale }) {
  const { notice } = comparison;
  return (
    <div class={`terms-notice terms-notice--${notice.status}`} data-testid="terms-view-notice" data-status={notice.status}>
      <strong>{t('terms_view_notice', locale)}</strong>
      {termsNoticeLines(comparison, locale).map((line, index) => (
        <p key={index} class={index > 0 ? 'muted' : undefined}>
          {line}
        </p>
      ))}
    </div>
  );
}

/** A clause with the sentences only its side has marked: deleted on the left, inserted on the right. */
function ClauseText({ clause, marked, tag }: { clause: TermsClause | undefined; marked: readonly string[]; tag: 'del' | 'ins' }) {
  if (!clause) return null;
  const Mark = tag;
  const set = new Set(marked);
  return (
    <>
      {clause.text.split('\n').map((line, i) => (
        <div key={i}>
          {splitSentences(line).map((sentence, j) => (set.has(sentence) ? <Mark key={j}>{sentence}</Mark> : <span key={j}>{sentence}</span>))}
        </div>
      ))}
    </>
  );
}

function DiffLine({ row, before, after, locale }: { row: DiffRow; before: TermsClause[]; after: TermsClause[]; locale: Locale }) {
  const left = row.before === null ? undefined : before[row.before];
  const right = row.after === null ? undefined : after[row.after];
  const all = (clause: TermsClause | undefined) => (clause ? splitSentences(clause.text) : []);
  return (
    <tr class={`terms-row terms-row--${row.kind}`} data-kind={row.kind}>
      <td>
        <span class="terms-kind">{t(`terms_change_${row.kind}`, locale)}</span>{' '}
        <ClauseText clause={left} marked={row.kind === 'removed' ? all(left) : (row.removedSentences ?? [])} tag="del" />
      </td>
      <td>
        <ClauseText clause={right} marked={row.kind === 'added' ? all(right) : (row.addedSentences ?? [])} tag="ins" />
      </td>
    </tr>
  );
}
