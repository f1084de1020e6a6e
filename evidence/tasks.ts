import type { Locale } from '@/rules/types';
import { loadLocale, t } from '@/i18n';
import type { LiangzhaoDatabase } from '@/storage/db';
import { hasFilters, matchingKeys } from '@/storage/audits';
import { auditIdsFor, entrySource, importJsonText, linksStoredHere, verifyStoredChains } from '@/evidence/export/import';
import { verifyBundle } from '@/evidence/export/bundle';
import { makeExport } from '@/evidence/export/files';
import { describeProblem, problem } from '@/evidence/problems';
import { readBlobLines } from '@/evidence/export/read-text';
import type { ProgressCallback } from '../utils/yield';
import { failedNotice, type EvidenceTask, type ExportScope, type Notice, type TaskOutcome } from './task-shapes';

/**
 * The dashboard's evidence tasks (export, import, verify) as plain functions of the database: the same code runs in
 * the dashboard's evidence worker (evidence/task-worker.ts), so that a long export never holds the page, and in
 * tests. Every task and its every argument and outcome is structured-cloneable data.
 */

/** Reports a step's progress under a label the person reads ("writing", "checking"…), already in words. */
export type StepReporter = (label: string) => ProgressCallback;

/**
 * Runs one task to its notice. It does not throw: a failure, or a cancel through `signal`, is a notice too, so the
 * worker always has an answer to send.
 */
export async function runEvidenceTask(
  db: LiangzhaoDatabase,
  task: EvidenceTask,
  locale: Locale,
  report: StepReporter,
  signal: AbortSignal,
): Promise<TaskOutcome> {
  try {
    // Asked in another language than the page's (its notices and files), that catalogue is loaded first.
    await loadLocale(locale);
    return await perform(db, task, locale, report, signal);
  } catch (error) {
    if (signal.aborted) return { notice: { ok: false, text: t('evidenceUi_cancelled', locale) } };
    return { notice: failedNotice(error, locale) };
  }
}

async function perform(db: LiangzhaoDatabase, task: EvidenceTask, locale: Locale, report: StepReporter, signal: AbortSignal): Promise<TaskOutcome> {
  switch (task.kind) {
    case 'export':
      return exportAudits(db, task, locale, report, signal);
    case 'import':
      return { notice: await importFile(db, task.file, locale, report) };
    case 'verify-chain':
      return { notice: await verifyChain(db, locale, report) };
    case 'verify-bundle':
      return { notice: await verifyBundleFile(db, task.file, task.name, locale) };
  }
}

async function idsOf(db: LiangzhaoDatabase, scope: ExportScope): Promise<number[]> {
  if (scope.kind === 'audit') return [scope.id];
  if (scope.kind === 'filtered' && hasFilters(scope.filters)) {
    const matching = await matchingKeys(db, scope.filters);
    return (await auditIdsFor(db, 'all')).filter((id) => matching.has(id));
  }
  return auditIdsFor(db, 'all');
}

async function exportAudits(
  db: LiangzhaoDatabase,
  task: Extract<EvidenceTask, { kind: 'export' }>,
  locale: Locale,
  report: StepReporter,
  signal: AbortSignal,
): Promise<TaskOutcome> {
  const ids = await idsOf(db, task.scope);
  if (ids.length === 0) return { notice: { ok: false, text: t('evidenceUi_nothingToExport', locale) } };
  const file = await makeExport(task.format, entrySource(db, ids), {
    locale,
    exportedAt: task.exportedAt,
    extensionVersion: task.extensionVersion,
    onProgress: report(t('evidenceUi_writing', locale)),
    signal,
  });
  signal.throwIfAborted();
  return { notice: { ok: true, text: t('evidenceUi_exported', locale, { count: ids.length, file: file.name }) }, file };
}

async function importFile(db: LiangzhaoDatabase, file: Blob, locale: Locale, report: StepReporter): Promise<Notice> {
  let text: string[];
  try {
    text = await readBlobLines(file, report(t('evidenceUi_reading', locale)));
  } catch (error) {
    return { ok: false, text: describeProblem(problem('importNotJson', { detail: error instanceof Error ? error.message : String(error) }), locale) };
  }
  const result = await importJsonText(db, text, report(t('evidenceUi_checking', locale)));
  if (!result.ok) return { ok: false, text: describeProblem(result.problem, locale) };
  return { ok: true, text: t('evidenceUi_imported', locale, { ...result.outcome }) };
}

async function verifyChain(db: LiangzhaoDatabase, locale: Locale, report: StepReporter): Promise<Notice> {
  const result = await verifyStoredChains(db, report(t('evidenceUi_verifying', locale)));
  if (result.intact) return { ok: true, text: t('evidenceUi_chainIntact', locale, { count: result.captures, chains: result.chains.length }) };
  const problems = result.chains.flatMap((c) => c.problems).map((p) => describeProblem(p, locale));
  return { ok: false, text: t('evidenceUi_chainBroken', locale, { first: problems[0] }), details: problems.slice(1) };
}

async function verifyBundleFile(db: LiangzhaoDatabase, file: Blob, name: string, locale: Locale): Promise<Notice> {
  const result = await verifyBundle(new Uint8Array(await file.arrayBuffer()));
  const lines = result.problems.map((p) => describeProblem(p, locale));
  if (result.status === 'intact') {
    const { found, missing } = await linksStoredHere(db, result.links);
    const details = [
      ...found.map((l) => t('evidenceUi_linkHere', locale, { sequence: l.sequence, chain: l.chainId })),
      ...missing.map((l) => t('evidenceUi_linkNotHere', locale, { sequence: l.sequence, chain: l.chainId })),
    ];
    return { ok: true, text: t('evidenceCli_intact', locale, { file: name, files: result.files, audits: result.audits }), details };
  }
  const head = result.status === 'broken' ? t('evidenceCli_broken', locale, { file: name, count: lines.length }) : t('evidenceCli_unreadable', locale, { file: name });
  return { ok: false, text: head, details: lines };
}
