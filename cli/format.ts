/** The readable table the auditor prints without --json, in the chosen language. */
import { t } from '../i18n';
import { pageTypeKey, ruleCatalogue } from '../rules';
import type { AuditResult, Locale, RuleStatus } from '../rules/types';

const MARKS: Record<RuleStatus, string> = { pass: '✓', fail: '✗', review: '?', na: '–', error: '!' };

/** Display width: CJK and full-width characters take two columns in a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  return width;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function titleOf(ruleId: string, locale: Locale): string {
  const meta = ruleCatalogue.find((rule) => rule.id === ruleId);
  return meta ? t(meta.titleKey, locale) : ruleId;
}

export function formatAudit(audit: AuditResult, locale: Locale): string {
  const grade = audit.grade === 'N/A' ? t('grade_na', locale) : t('grade_label', locale, { grade: audit.grade });
  const lines = [
    `${audit.title || audit.url}`,
    `  ${audit.url}`,
    `  ${t(pageTypeKey(audit.pageType), locale)} · ${t(`verdict_${audit.verdict}`, locale)} · ${grade} · ${t('score_label', locale, { score: audit.score })} · ${audit.mode} · ${audit.auditedAt}`,
    '',
  ];
  const rows = audit.results.map((result) => [
    `${MARKS[result.status]} ${t(`status_${result.status}`, locale)}`,
    titleOf(result.ruleId, locale),
    result.basis.join('; '),
    result.message,
  ]);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => displayWidth(row[column]))));
  for (const row of rows) {
    lines.push(`  ${row.slice(0, 3).map((cell, column) => padEnd(cell, widths[column])).join('  ')}  ${row[3]}`);
  }
  return lines.join('\n');
}
