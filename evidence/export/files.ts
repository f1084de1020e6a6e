import { hostOf } from '@/utils/url';
import type { Locale } from '@/rules/types';
import { buildBundleBlob } from './bundle';
import { auditsToCsv } from './csv';
import { auditDigest } from '../seal/record';
import { buildJsonExport } from './json';
import type { EvidenceEntry } from './source';
import { arraySource, type EntrySource } from './source';
import { createYielder, type ProgressCallback } from '../../utils/yield';
import { renderReportBody, reportStart, REPORT_END } from './report';
import { reportImages } from './report-images';
import { BlobWriter } from './blob-writer';
import { loadLocale, t } from '@/i18n';

export type ExportFormat = 'json' | 'csv' | 'html' | 'zip';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'csv', 'html', 'zip'];

/** A file to save: its name and contents. */
export interface ExportFile {
  name: string;
  blob: Blob;
}

export interface ExportOptions {
  locale: Locale;
  /** ISO with offset; also names the file. */
  exportedAt: string;
  extensionVersion: string;
  onProgress?: ProgressCallback;
  signal?: AbortSignal;
}


/** Builds one export of the entries in the chosen format. */
export async function makeExport(format: ExportFormat, source: EntrySource | readonly EvidenceEntry[], options: ExportOptions): Promise<ExportFile> {
  // The export's language may not be the page's: a page holds only the catalogue of the language it shows.
  await loadLocale(options.locale);
  const entries = 'get' in source ? source : arraySource(source);
  const first = entries.length === 1 ? await entries.get(0) : null;
  const name = `${fileStem(entries.length, first?.audit.url ?? null, options.exportedAt)}.${format}`;
  switch (format) {
    case 'json':
      return { name, blob: await buildJsonExport(entries, options, options.onProgress, options.signal) };
    case 'csv':
      return { name, blob: await auditsToCsv(entries, options.locale, options.onProgress, options.signal) };
    case 'zip':
      return { name, blob: await buildBundleBlob(entries, options) };
    case 'html':
      return { name, blob: await reportsFile(entries, first, options) };
  }
}

/** One printable file: one audit's report, or several, rendered one at a time. */
async function reportsFile(entries: EntrySource, first: EvidenceEntry | null, options: ExportOptions): Promise<Blob> {
  const yieldNow = createYielder();
  const title = first
    ? `${t('evidenceReport_title', options.locale)} — ${first.audit.title || first.audit.url}`
    : t('evidenceReport_titleMany', options.locale, { count: entries.length });
  const out = new BlobWriter();
  out.write(reportStart(options.locale, title, options.extensionVersion));
  options.onProgress?.(0, entries.length);
  for (let i = 0; i < entries.length; i++) {
    options.signal?.throwIfAborted();
    const entry = i === 0 && first ? first : await entries.get(i);
    if (entry) {
      out.write(
        renderReportBody({
          audit: entry.audit,
          locale: options.locale,
          generatedAt: options.exportedAt,
          auditSha256: await auditDigest(entry.audit),
          capture: entry.capture?.sealed ?? null,
          ...reportImages(entry.capture),
          terms: entry.terms ?? null,
        }),
      );
    }
    options.onProgress?.(i + 1, entries.length);
    await yieldNow();
  }
  out.write(REPORT_END);
  return out.blob('text/html;charset=utf-8');
}

/** `liangzhao-shop.example.cn-20261128-2100` for one audit, `liangzhao-12-audits-20261128-2100` for several. */
export function fileStem(count: number, url: string | null, exportedAt: string): string {
  const stamp = exportedAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  if (count === 1) {
    // A URL the browser cannot parse keeps the generic name.
    const host = hostOf(url) || 'page';
    return `liangzhao-${host.replace(/[^A-Za-z0-9.-]+/g, '_')}-${stamp}`;
  }
  return `liangzhao-${count}-audits-${stamp}`;
}
