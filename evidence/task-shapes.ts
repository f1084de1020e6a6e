import type { Locale } from '@/rules/types';
import { t } from '@/i18n';
import type { AuditFilters } from '@/storage/audits';
import type { ExportFile, ExportFormat } from '@/evidence/export/files';

/**
 * The evidence tasks as data, as they pass between the dashboard and its evidence worker (evidence/task-worker.ts):
 * every task, argument and outcome is structured-cloneable. The page needs only these shapes, not the tasks' code.
 */

/** What an export covers: the audit a person came from, the audits matching the dashboard's filters, or all. */
export type ExportScope = { kind: 'audit'; id: number } | { kind: 'filtered'; filters: AuditFilters } | { kind: 'all' };

export type EvidenceTask =
  | { kind: 'export'; format: ExportFormat; scope: ExportScope; exportedAt: string; extensionVersion: string }
  | { kind: 'import'; file: Blob }
  | { kind: 'verify-chain' }
  | { kind: 'verify-bundle'; file: Blob; name: string };

export interface Notice {
  ok: boolean;
  text: string;
  /** Further lines (every problem found, after the first break). */
  details?: string[];
}

export interface TaskOutcome {
  notice: Notice;
  /** An export's file, for the page to offer as a download. */
  file?: ExportFile;
}

/** The notice of a task that stopped with `error`. */
export function failedNotice(error: unknown, locale: Locale): Notice {
  return { ok: false, text: t('evidenceUi_failed', locale, { error: error instanceof Error ? error.message : String(error) }) };
}
