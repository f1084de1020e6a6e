import type { Locale } from '@/rules/types';
import { dataUrl } from './base64';
import { buildBundle } from './bundle';
import { auditsToCsvParts } from './csv';
import { auditDigest } from './evidence';
import { buildJsonExport, type EvidenceEntry } from './json';
import type { ProgressCallback } from './progress';
import { renderReport, renderReports, type ReportInput } from './report';

export type ExportFormat = 'json' | 'csv' | 'html' | 'zip';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'csv', 'html', 'zip'];

/** A file to save: its name, type and contents as Blob parts. */
export interface ExportFile {
  name: string;
  mediaType: string;
  parts: Array<string | Uint8Array>;
}

export interface ExportOptions {
  locale: Locale;
  /** ISO with offset; also names the file. */
  exportedAt: string;
  extensionVersion: string;
  onProgress?: ProgressCallback;
  signal?: AbortSignal;
}

const TYPES: Record<ExportFormat, { ext: string; mediaType: string }> = {
  json: { ext: 'json', mediaType: 'application/json' },
  csv: { ext: 'csv', mediaType: 'text/csv;charset=utf-8' },
  html: { ext: 'html', mediaType: 'text/html;charset=utf-8' },
  zip: { ext: 'zip', mediaType: 'application/zip' },
};

/** Builds one export of the entries in the chosen format. */
export async function makeExport(format: ExportFormat, entries: readonly EvidenceEntry[], options: ExportOptions): Promise<ExportFile> {
  const { ext, mediaType } = TYPES[format];
  const name = `${fileStem(entries, options.exportedAt)}.${ext}`;
  switch (format) {
    case 'json':
      return { name, mediaType, parts: await buildJsonExport(entries, options, options.onProgress) };
    case 'csv':
      return { name, mediaType, parts: await auditsToCsvParts(entries.map((e) => e.audit), options.locale, options.onProgress) };
    case 'zip':
      return { name, mediaType, parts: [await buildBundle(entries, options)] };
    case 'html': {
      const inputs: ReportInput[] = [];
      options.onProgress?.(0, entries.length);
      for (const [i, entry] of entries.entries()) {
        options.signal?.throwIfAborted();
        const screenshot = entry.capture?.artefacts.find((a) => a.entry.kind === 'screenshot');
        inputs.push({
          audit: entry.audit,
          locale: options.locale,
          generatedAt: options.exportedAt,
          auditSha256: await auditDigest(entry.audit),
          capture: entry.capture?.sealed ?? null,
          screenshotDataUrl: screenshot ? dataUrl(screenshot.entry.mediaType, screenshot.bytes) : null,
        });
        options.onProgress?.(i + 1, entries.length);
      }
      const html = inputs.length === 1 ? renderReport(inputs[0]) : renderReports(inputs, options.locale, options.extensionVersion);
      return { name, mediaType, parts: [html] };
    }
  }
}

/** `liangzhao-shop.example.cn-20261128-2100` for one audit, `liangzhao-12-audits-20261128-2100` for several. */
export function fileStem(entries: readonly EvidenceEntry[], exportedAt: string): string {
  const stamp = exportedAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  if (entries.length === 1) {
    let host = 'page';
    try {
      host = new URL(entries[0].audit.url).hostname || host;
    } catch {
      // a URL the browser cannot parse keeps the generic name
    }
    return `liangzhao-${host.replace(/[^A-Za-z0-9.-]+/g, '_')}-${stamp}`;
  }
  return `liangzhao-${entries.length}-audits-${stamp}`;
}
