/**
 * `npm run audit -- --compare OLD NEW [--json] [--lang en]`: two versions of a terms page (files or URLs), their
 * clause diff and the seven-day notice judgement. The words come from the i18n catalogue, in one function here.
 */
import { parseHTML } from 'linkedom';
import { t } from '../i18n';
import { extractTermsDocument } from '../rules/terms/extract';
import { compareReport, type TermsCompareReport } from '../rules/terms/report';
import type { Locale } from '../rules/types';
import { loadInput } from './load';

export async function readVersion(input: string) {
  const { url, html } = await loadInput(input);
  return extractTermsDocument(parseHTML(html).document as unknown as Document, url);
}

export async function compareInputs(before: string, after: string): Promise<TermsCompareReport> {
  const [older, newer] = await Promise.all([readVersion(before), readVersion(after)]);
  return compareReport(older, newer, [before, after]);
}

const KIND_KEYS = { added: 'terms_change_added', removed: 'terms_change_removed', changed: 'terms_change_changed' } as const;

export function formatComparison(report: TermsCompareReport, locale: Locale): string {
  const unstated = t('terms_view_date_unstated', locale);
  const datesOf = (side: TermsCompareReport['before']) =>
    t('terms_view_dates', locale, {
      published: side.dates.published?.date ?? side.dates.updated?.date ?? unstated,
      effective: side.dates.effective?.onPublication ? side.dates.effective.quote : (side.dates.effective?.date ?? unstated),
    });
  const lines = [
    t('cli_compare_before', locale, { source: report.before.source, clauses: report.before.clauseCount, digest: report.before.digest.slice(0, 12) }),
    `  ${datesOf(report.before)}`,
    t('cli_compare_after', locale, { source: report.after.source, clauses: report.after.clauseCount, digest: report.after.digest.slice(0, 12) }),
    `  ${datesOf(report.after)}`,
    '',
    report.identical ? t('terms_view_identical', locale) : t('terms_view_counts', locale, report.counts),
  ];
  for (const change of report.changes) {
    const clause = change.after ?? change.before!;
    lines.push('', `[${t(KIND_KEYS[change.kind], locale)}] ${clause.label ?? clause.text.split('\n')[0].slice(0, 40)}`);
    for (const sentence of change.removedSentences) lines.push(`  - ${sentence}`);
    for (const sentence of change.addedSentences) lines.push(`  + ${sentence}`);
  }
  lines.push('', `${t('terms_view_notice', locale)}: ${t(`status_${report.notice.status}`, locale)}`, `  ${t(`terms_notice_${report.notice.status}`, locale)}`);
  return lines.join('\n');
}
