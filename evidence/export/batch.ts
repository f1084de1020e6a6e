import { loadLocale, t } from '@/i18n';
import type { Locale } from '@/rules/types';
import type { LiangzhaoDatabase, StoredAudit, StoredBatch, StoredBatchItem } from '@/storage/db';
import { itemsOf, outcomeKey } from '@/storage/batches';
import { isoWithOffset } from '@/utils/time';
import { buildBundleBlob } from './bundle';
import { BOM, csvRow } from './csv';
import { entrySource } from './import';
import type { ExportFile } from './files';

/** A batch as one JSON document: its name, list, settings and times, each row's outcome, and its audits. */
export const BATCH_EXPORT_SCHEMA = 'liangzhao.batch/1';

export type BatchExportFormat = 'csv' | 'json' | 'zip';

export interface BatchExportOptions {
  locale: Locale;
  exportedAt: string;
  extensionVersion: string;
}

const iso = (ms: number | undefined) => (ms === undefined ? null : isoWithOffset(new Date(ms)));

/** What every format says about the batch itself. */
export function batchHeader(batch: StoredBatch) {
  return {
    name: batch.name,
    state: batch.state,
    createdAt: iso(batch.createdAtMs),
    finishedAt: iso(batch.finishedAtMs),
    concurrency: batch.concurrency,
    capture: batch.capture,
    settle: batch.settle,
    total: batch.total,
  };
}

export function batchRowRecord(item: StoredBatchItem) {
  return {
    index: item.index + 1,
    url: item.url,
    label: item.label ?? null,
    outcome: item.state,
    reason: item.reason ?? null,
    finalUrl: item.finalUrl ?? null,
    grade: item.grade ?? null,
    verdict: item.verdict ?? null,
    score: item.score ?? null,
    openedAt: iso(item.openedAtMs),
    finishedAt: iso(item.finishedAtMs),
    auditId: item.auditId ?? null,
  };
}

const ROW_COLUMNS = ['index', 'url', 'label', 'outcome', 'reason', 'finalUrl', 'grade', 'verdict', 'score', 'openedAt', 'finishedAt', 'auditId'] as const;

/** A spreadsheet of the batch: its name and times first, then one line per row of the list, in list order. */
export function batchCsv(batch: StoredBatch, items: readonly StoredBatchItem[], locale: Locale): string {
  const header = batchHeader(batch);
  let out = BOM;
  out += csvRow([t('batchCsv_name', locale), header.name]);
  out += csvRow([t('batchCsv_createdAt', locale), header.createdAt]);
  out += csvRow([t('batchCsv_finishedAt', locale), header.finishedAt]);
  out += csvRow([t('batchCsv_state', locale), t(`batch_state_${batch.state}`, locale)]);
  out += csvRow([]);
  out += csvRow(ROW_COLUMNS.map((column) => t(`batchCsv_${column}`, locale)));
  for (const item of items) {
    const record = batchRowRecord(item);
    out += csvRow(ROW_COLUMNS.map((column) => (column === 'outcome' ? t(outcomeKey(item.state), locale) : record[column])));
  }
  return out;
}

export function batchJson(batch: StoredBatch, items: readonly StoredBatchItem[], audits: readonly StoredAudit[], options: BatchExportOptions): string {
  return `${JSON.stringify(
    {
      schema: BATCH_EXPORT_SCHEMA,
      exportedAt: options.exportedAt,
      extensionVersion: options.extensionVersion,
      batch: batchHeader(batch),
      list: items.map((item) => item.url),
      rows: items.map(batchRowRecord),
      audits: audits.map((audit) => audit.result),
    },
    null,
    2,
  )}\n`;
}

/** The batch's audits in list order (the ones its rows point to). */
async function auditsOfRows(db: LiangzhaoDatabase, items: readonly StoredBatchItem[]): Promise<StoredAudit[]> {
  const ids = items.flatMap((item) => (item.auditId === undefined ? [] : [item.auditId]));
  return (await db.audits.bulkGet(ids)).filter((audit): audit is StoredAudit => audit !== undefined);
}

export async function exportBatch(db: LiangzhaoDatabase, batchId: number, format: BatchExportFormat, options: BatchExportOptions): Promise<ExportFile> {
  // The export's language may not be the page's: a page holds only the catalogue of the language it shows.
  await loadLocale(options.locale);
  const batch = await db.batches.get(batchId);
  if (!batch) throw new Error(`no batch ${batchId}`);
  const items = await itemsOf(db, batchId);
  const stamp = options.exportedAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  const stem = `liangzhao-batch-${batch.name.replace(/[^\p{L}\p{N}.-]+/gu, '_').slice(0, 60) || batchId}-${stamp}`;
  const encoder = new TextEncoder();
  if (format === 'csv') return { name: `${stem}.csv`, blob: new Blob([batchCsv(batch, items, options.locale)], { type: 'text/csv;charset=utf-8' }) };
  const audits = await auditsOfRows(db, items);
  const json = batchJson(batch, items, audits, options);
  if (format === 'json') return { name: `${stem}.json`, blob: new Blob([json], { type: 'application/json' }) };
  const blob = await buildBundleBlob(entrySource(db, audits.map((audit) => audit.id!)), {
    ...options,
    extraFiles: [
      { path: 'batch.json', bytes: encoder.encode(json) },
      { path: 'batch.csv', bytes: encoder.encode(batchCsv(batch, items, options.locale)) },
    ],
  });
  return { name: `${stem}.zip`, blob };
}
