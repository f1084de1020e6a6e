import type { Locale } from '@/rules/types';
import { dataUrl } from './base64';
import { buildBundleParts } from './bundle';
import { auditsToCsvParts } from './csv';
import { auditDigest } from './evidence';
import { buildJsonExport, type EvidenceEntry } from './json';
import { arraySource, type EntrySource } from './source';
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
export async function makeExport(format: ExportFormat, source: EntrySource | readonly EvidenceEntry[], options: ExportOptions): Promise<ExportFile> {
  const entries = 'get' in source ? source : arraySource(source);
  const { ext, mediaType } = TYPES[format];
  const first = entries.length === 1 ? await entries.get(0) : null;
  const name = `${fileStem(entries.length, first?.audit.url ?? null, options.exportedAt)}.${ext}`;
  switch (format) {
    case 'json':
      return { name, mediaType, parts: await buildJsonExport(entries, options, options.onProgress, options.signal) };
    case 'csv':
      return { name, mediaType, parts: await auditsToCsvParts(entries, options.locale, options.onProgress, options.signal) };
    case 'zip':
      return { name, mediaType, parts: await buildBundleParts(entries, options) };
    case 'html': {
      const inputs: ReportInput[] = [];
      options.onProgress?.(0, entries.length);
      for (let i = 0; i < entries.length; i++) {
        options.signal?.throwIfAborted();
        const entry = await entries.get(i);
        options.onProgress?.(i + 1, entries.length);
        if (!entry) continue;
        const screenshot = entry.capture?.artefacts.find((a) => a.entry.kind === 'screenshot');
        inputs.push({
          audit: entry.audit,
          locale: options.locale,
          generatedAt: options.exportedAt,
          auditSha256: await auditDigest(entry.audit),
          capture: entry.capture?.sealed ?? null,
          screenshotDataUrl: screenshot ? dataUrl(screenshot.entry.mediaType, screenshot.bytes) : null,
        });
      }
      const html = inputs.length === 1 ? renderReport(inputs[0]) : renderReports(inputs, options.locale, options.extensionVersion);
      return { name, mediaType, parts: [html] };
    }
  }
}

/** `liangzhao-shop.example.cn-20261128-2100` for one audit, `liangzhao-12-audits-20261128-2100` for several. */
export function fileStem(count: number, url: string | null, exportedAt: string): string {
  const stamp = exportedAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  if (count === 1) {
    let host = 'page';
    try {
      host = new URL(url ?? '').hostname || host;
    } catch {
      // a URL the browser cannot parse keeps the generic name
    }
    return `liangzhao-${host.replace(/[^A-Za-z0-9.-]+/g, '_')}-${stamp}`;
  }
  return `liangzhao-${count}-audits-${stamp}`;
}
