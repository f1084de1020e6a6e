import type { AuditResult, Evidence, Locale } from '@/rules/types';
import { t } from '@/i18n';
import { scoreOf } from '@/rules/scoring';
import {
  citations,
  groupName,
  levelName,
  outcomeCounts,
  pageTypeName,
  resultMessage,
  ruleTitle,
  statusName,
  termsChangeSummary,
  termsNoticeLines,
  verdictName,
  visibilityName,
} from '@/i18n/text';
import { formatIsoTime } from '@/i18n/dates';
import { createYielder, type ProgressCallback } from '../../utils/yield';
import { arraySource, type EntrySource, type EvidenceEntry } from './source';
import type { TermsTrail } from './terms';
import { BlobWriter } from './blob-writer';

/** Excel reads a UTF-8 file as UTF-8 (and Chinese correctly) only with a byte-order mark. */
export const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection"), also after leading
 * blanks, a BOM or zero-width characters (which it skips), and for the full-width signs (which some read as ASCII).
 * The blank run is one character class, so the match cannot backtrack.
 */
const FORMULA_START = /^[\s\uFEFF\u200B-\u200D\u2060\u180E]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;

export type CsvValue = string | number | boolean | null | undefined;

/** One RFC 4180 field: text that a spreadsheet could run is prefixed with an apostrophe, then quoted if needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',') + CRLF;
}

const COLUMNS = [
  'kind',
  'audit',
  'url',
  'title',
  'auditedAt',
  'pageType',
  'grade',
  'score',
  'verdict',
  'failed',
  'rulesetVersion',
  'mode',
  'termsVersion',
  'termsChange',
  'ruleId',
  'ruleTitle',
  'group',
  'level',
  'status',
  'basis',
  'message',
  'evidence',
] as const;

/** Blank cells keep every row as wide as the header. */
const AUDIT_ONLY = new Array<null>(COLUMNS.indexOf('ruleId') - COLUMNS.indexOf('title')).fill(null);
const FINDING_ONLY = new Array<null>(COLUMNS.length - COLUMNS.indexOf('ruleId')).fill(null);

/** What the audit rows read of an entry: the audit and, on a terms page, its versions. */
export type CsvEntry = Pick<EvidenceEntry, 'audit' | 'terms'>;

function termsVersionCell(trail: TermsTrail, locale: Locale): string {
  if (trail.seen === null) return t('evidenceReport_termsNotStored', locale);
  const version = trail.versions[trail.seen];
  return t('evidenceCsv_termsVersionValue', locale, { n: trail.seen + 1, count: trail.versions.length, first: formatIsoTime(version.firstSeen, locale) });
}

function termsChangeCell(trail: TermsTrail, locale: Locale): string {
  if (!trail.change) return trail.seen === null ? '' : t('terms_popup_first_version', locale);
  return [termsChangeSummary(trail.change, locale), ...termsNoticeLines(trail.change, locale)].join('\n');
}

function evidenceCell(evidence: readonly Evidence[], locale: Locale): string {
  return evidence
    .map((e) => [e.text, e.href ?? '', e.selector, visibilityName(e.visible, locale)].filter(Boolean).join(' | '))
    .join('\n');
}

/**
 * One CSV with a row per audit and a row per rule result (its `kind` column says which; `audit` numbers the audit
 * both kinds of row belong to), written audit by audit so that a long history never becomes one giant string.
 */
export async function auditsToCsv(
  source: EntrySource<CsvEntry> | readonly AuditResult[],
  locale: Locale,
  onProgress?: ProgressCallback,
  signal?: AbortSignal,
): Promise<Blob> {
  const audits: EntrySource<CsvEntry> = 'get' in source ? source : arraySource(source.map((audit) => ({ audit })));
  const out = new BlobWriter();
  out.write(BOM + csvRow(COLUMNS.map((c) => t(`evidenceCsv_${c}`, locale))));
  const yieldNow = createYielder();
  // A rule's id, title, group, level, status and articles read the same in every audit that has that outcome:
  // written once per distinct outcome, not once for each of the hundreds of thousands of rows of a long history.
  const ruleCellsSeen = new Map<string, string>();
  const ruleCells = (result: AuditResult['results'][number]) => {
    const key = [result.ruleId, result.group, result.level, result.status, ...result.basis].join('\u0000');
    let cells = ruleCellsSeen.get(key);
    if (cells === undefined) {
      cells = csvRow([
        result.ruleId,
        ruleTitle(result.ruleId, locale),
        groupName(result.group, locale),
        levelName(result.level, locale),
        statusName(result.status, locale),
        citations(result.basis, locale),
      ]).slice(0, -CRLF.length);
      ruleCellsSeen.set(key, cells);
    }
    return cells;
  };
  const auditKind = t('evidenceCsvKind_audit', locale);
  const findingKind = t('evidenceCsvKind_finding', locale);
  onProgress?.(0, audits.length);
  let n = 0;
  for (let index = 0; index < audits.length; index++) {
    signal?.throwIfAborted();
    const entry = await audits.get(index);
    onProgress?.(index + 1, audits.length);
    if (!entry) continue;
    const { audit, terms } = entry;
    n++;
    let chunk = csvRow([
      auditKind,
      n,
      audit.url,
      audit.title,
      audit.auditedAt,
      pageTypeName(audit.pageType, locale),
      audit.grade,
      scoreOf(audit),
      verdictName(audit.verdict, locale),
      outcomeCounts(audit.results).fail,
      audit.rulesetVersion,
      audit.mode,
      terms ? termsVersionCell(terms, locale) : null,
      terms ? termsChangeCell(terms, locale) : null,
      ...FINDING_ONLY,
    ]);
    // Every finding row of one audit starts alike: its kind, number, URL and the audit-only blanks.
    const findingHead = csvRow([findingKind, n, audit.url, ...AUDIT_ONLY]).slice(0, -CRLF.length);
    for (const result of audit.results) {
      chunk += `${findingHead},${ruleCells(result)},${csvRow([resultMessage(result, locale), evidenceCell(result.evidence, locale)])}`;
    }
    out.write(chunk);
    await yieldNow();
  }
  return out.blob('text/csv;charset=utf-8');
}
