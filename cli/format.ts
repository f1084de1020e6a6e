/** The readable table the auditor prints without --format, in the chosen language, through the text layer. */
import { citations, gradeName, pageTypeName, resultMessage, ruleTitle, scoreName, statusName, verdictName } from '../i18n/text';
import { scoreOf } from '../rules/scoring';
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

export function formatAudit(audit: AuditResult, locale: Locale): string {
  const lines = [
    `${audit.title || audit.url}`,
    `  ${audit.url}`,
    `  ${pageTypeName(audit.pageType, locale)} · ${verdictName(audit.verdict, locale)} · ${gradeName(audit.grade, locale)} · ${scoreName(scoreOf(audit), locale)} · ${audit.mode} · ${audit.auditedAt}`,
    '',
  ];
  const rows = audit.results.map((result) => [
    `${MARKS[result.status]} ${statusName(result.status, locale)}`,
    ruleTitle(result.ruleId, locale),
    citations(result.basis, locale),
    resultMessage(result, locale),
  ]);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => displayWidth(row[column]))));
  for (const row of rows) {
    lines.push(`  ${row.slice(0, 3).map((cell, column) => padEnd(cell, widths[column])).join('  ')}  ${row[3]}`);
  }
  return lines.join('\n');
}
