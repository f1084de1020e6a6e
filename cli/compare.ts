/**
 * `npm run audit -- --compare OLD NEW [--browser] [--json] [--lang en]`: two versions of a terms page (files or
 * URLs), their clause diff and the seven-day notice judgement; with --browser each is read as Chromium builds it,
 * after its late content. The words come from the text layer.
 */
import { parseHTML } from 'linkedom';
import { t } from '../i18n';
import { termsChangeSummary, termsDatesLine, termsNoticeText } from '../i18n/text';
import { extractTermsDocument } from '../rules/terms/extract';
import { compareReport, type TermsCompareReport } from '../rules/terms/report';
import type { Locale } from '../rules/types';
import { loadInput } from './load';
import { openForAudit, termsDocumentInPage, type ChromiumSession } from './browser';
import type { LateContentLimits } from './late-content';
import type { TermsDocument } from '../rules/terms/types';

export type VersionReader = (input: string) => Promise<TermsDocument>;

export async function readVersion(input: string): Promise<TermsDocument> {
  const { url, html } = await loadInput(input);
  return extractTermsDocument(parseHTML(html).document as unknown as Document, url);
}

/** Reads a version in Chromium, once its late content has arrived. */
export function browserVersionReader(session: ChromiumSession, limits: LateContentLimits): VersionReader {
  return async (input) => {
    const { page } = await openForAudit(session.browser, input, limits);
    try {
      return await termsDocumentInPage(page);
    } finally {
      await page.close().catch(() => undefined);
    }
  };
}

export async function compareInputs(before: string, after: string, read: VersionReader = readVersion): Promise<TermsCompareReport> {
  const [older, newer] = await Promise.all([read(before), read(after)]);
  return compareReport(older, newer, [before, after]);
}

const KIND_KEYS = { added: 'terms_change_added', removed: 'terms_change_removed', changed: 'terms_change_changed' } as const;

export function formatComparison(report: TermsCompareReport, locale: Locale): string {
  const datesOf = (side: TermsCompareReport['before']) => termsDatesLine(side.dates, locale);
  const lines = [
    t('cli_compare_before', locale, { source: report.before.source, clauses: report.before.clauseCount, digest: report.before.digest.slice(0, 12) }),
    `  ${datesOf(report.before)}`,
    t('cli_compare_after', locale, { source: report.after.source, clauses: report.after.clauseCount, digest: report.after.digest.slice(0, 12) }),
    `  ${datesOf(report.after)}`,
    '',
    termsChangeSummary(report, locale),
  ];
  for (const change of report.changes) {
    const clause = change.after ?? change.before!;
    lines.push('', `[${t(KIND_KEYS[change.kind], locale)}] ${clause.label ?? clause.text.split('\n')[0].slice(0, 40)}`);
    for (const sentence of change.removedSentences) lines.push(`  - ${sentence}`);
    for (const sentence of change.addedSentences) lines.push(`  + ${sentence}`);
  }
  lines.push('', `${t('terms_view_notice', locale)}: ${t(`status_${report.notice.status}`, locale)}`, `  ${termsNoticeText(report.notice.status, locale)}`);
  return lines.join('\n');
}
