import { hostOf } from '@/utils/url';
import { unzipSync, Zip, ZipDeflate, ZipPassThrough, type ZipInputFile } from 'fflate';
import type { AuditResult, Locale } from '@/rules/types';
import { canonicalJson } from '../seal/canonical';
import { sha256Hex } from '../seal/digest';
import { auditDigest, recordDigest, type ChainHead, type SealedRecord } from '../seal/record';
import type { EvidenceEntry } from './source';
import { problem, type Problem } from '../problems';
import { createYielder, type ProgressCallback } from '../../utils/yield';
import { renderReport } from './report';
import { reportImages } from './report-images';
import { arraySource, type EntrySource } from './source';
import { BlobWriter } from './blob-writer';
import { canonicalPieces, indentedPieces } from './json-pieces';

export const BUNDLE_SCHEMA = 'liangzhao.bundle/1';
export const MANIFEST = 'manifest.json';

export type BundleEntry = EvidenceEntry;

export interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
}

export interface ManifestAudit {
  /** The folder its files are in; '' when the bundle holds one audit. */
  folder: string;
  url: string;
  title: string;
  auditedAt: string;
  auditSha256: string;
  /** The capture record with its digest and chain links, or null when no evidence was captured. */
  capture: SealedRecord | null;
}

/** manifest.json: every other file with its SHA-256, the capture records, and a digest over all of it. */
export interface BundleManifest {
  schema: typeof BUNDLE_SCHEMA;
  exportedAt: string;
  extensionVersion: string;
  locale: Locale;
  files: ManifestFile[];
  audits: ManifestAudit[];
  /** SHA-256 of the canonical JSON of this manifest without `digest`. */
  digest: string;
}

const encoder = new TextEncoder();
const SLICE = 64 * 1024;
/** Already compressed: stored as is. */
const STORED = /\.(png|jpe?g|zip)$/i;

/**
 * The ZIP, written audit by audit and slice by slice so the page keeps painting and only one audit's files are in
 * memory at a time; manifest.json goes last, once every digest is known. Progress counts audits.
 */
export async function buildBundleBlob(
  source: EntrySource<BundleEntry> | readonly BundleEntry[],
  options: {
    locale: Locale;
    exportedAt: string;
    extensionVersion: string;
    onProgress?: ProgressCallback;
    signal?: AbortSignal;
    /** More files at the top of the bundle (a batch's list and results), listed and sealed like the rest. */
    extraFiles?: ReadonlyArray<{ path: string; bytes: Uint8Array }>;
  },
): Promise<Blob> {
  const entries = 'get' in source ? source : arraySource(source);
  const yieldNow = createYielder();
  const nativeDeflate = hasNativeDeflate();
  const out = new BlobWriter(1024 * 1024);
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else out.write(chunk);
  });
  const mtime = new Date(options.exportedAt);
  // Each file's digest is begun as it is added and read when the manifest is written: the digests run beside the
  // compression instead of holding up every file in turn.
  const listed: Array<Promise<ManifestFile>> = [];
  const add = async (path: string, bytes: Uint8Array, list = true) => {
    options.signal?.throwIfAborted();
    if (list) listed.push(sha256Hex(bytes).then((sha256) => ({ path, sha256, size: bytes.length })));
    const stream: ZipInputFile & { push(chunk: Uint8Array, final?: boolean): void } = STORED.test(path)
      ? new ZipPassThrough(path)
      : nativeDeflate
        ? new DeflatedFile(path, await deflateRaw(bytes, yieldNow))
        : new ZipDeflate(path, { level: 6 });
    if (!Number.isNaN(mtime.getTime())) stream.mtime = mtime;
    zip.add(stream);
    if (bytes.length === 0) stream.push(bytes, true);
    for (let at = 0; at < bytes.length; at += SLICE) {
      stream.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
      await yieldNow();
    }
    if (failure) throw failure;
  };

  const audits: ManifestAudit[] = [];
  const single = entries.length === 1;
  options.onProgress?.(0, entries.length);
  for (let index = 0; index < entries.length; index++) {
    options.signal?.throwIfAborted();
    const entry = await entries.get(index);
    if (entry) {
      const folder = single ? '' : `${String(index + 1).padStart(String(entries.length).length, '0')}-${slug(entry.audit.url)}/`;
      const auditSha256 = await auditDigest(entry.audit);
      const report = renderReport({
        audit: entry.audit,
        locale: options.locale,
        generatedAt: options.exportedAt,
        auditSha256,
        capture: entry.capture?.sealed ?? null,
        ...reportImages(entry.capture),
        terms: entry.terms ?? null,
      });
      await add(`${folder}report.html`, encoder.encode(report));
      await add(`${folder}audit.json`, encoder.encode(`${JSON.stringify(entry.audit, null, 2)}\n`));
      // A terms page's versions and its diff, sealed in the manifest like every file.
      if (entry.terms) await add(`${folder}terms.json`, encoder.encode(`${JSON.stringify(entry.terms, null, 2)}\n`));
      for (const artefact of entry.capture?.artefacts ?? []) await add(folder + artefact.entry.name, artefact.bytes);
      audits.push({
        folder,
        url: entry.audit.url,
        title: entry.audit.title,
        auditedAt: entry.audit.auditedAt,
        auditSha256,
        capture: entry.capture?.sealed ?? null,
      });
    }
    options.onProgress?.(index + 1, entries.length);
    await yieldNow();
  }

  for (const file of options.extraFiles ?? []) await add(file.path, file.bytes);

  const unsealed: Omit<BundleManifest, 'digest'> = {
    schema: BUNDLE_SCHEMA,
    exportedAt: options.exportedAt,
    extensionVersion: options.extensionVersion,
    locale: options.locale,
    files: await Promise.all(listed),
    audits,
  };
  // Written and sealed a piece at a time: with 2,000 audits its JSON is megabytes.
  const canonical = await piecesToBytes(canonicalPieces(unsealed), yieldNow);
  const manifest: BundleManifest = { ...unsealed, digest: await sha256Hex(canonical) };
  await add(MANIFEST, await piecesToBytes(manifestPieces(manifest), yieldNow), false);
  zip.end();
  if (failure) throw failure;
  return out.blob('application/zip');
}

/**
 * The browser's own deflate (`CompressionStream('deflate-raw')`: Chromium 103, Firefox 113) where there is one:
 * fflate's deflate in JavaScript held the page's thread for hundreds of milliseconds at a time in a bundle of 2,000
 * audits (445 ms measured), while the native one is several times quicker and works through the stream a chunk per
 * task. Older browsers (Chromium 99 to 102) keep fflate's.
 */
function hasNativeDeflate(): boolean {
  try {
    return typeof CompressionStream === 'function' && new CompressionStream('deflate-raw') !== null;
  } catch {
    // A browser whose CompressionStream knows only 'gzip' and 'deflate' throws on the format.
    return false;
  }
}

/**
 * The bytes go straight into the stream (wrapping them in a Blob first cost up to 290 ms a file: copied,
 * registered), a slice at a time with a yield between: the stream deflates each chunk on the page's thread, in the
 * task that wrote it, so a file of megabytes written at once was one task of 120 ms.
 */
async function deflateRaw(bytes: Uint8Array, yieldNow: () => Promise<void>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const deflated = new Response(stream.readable).arrayBuffer();
  for (let at = 0; at < bytes.length; at += SLICE) {
    await writer.write(bytes.subarray(at, at + SLICE) as Uint8Array<ArrayBuffer>);
    await yieldNow();
  }
  await writer.close();
  return new Uint8Array(await deflated);
}

/** Joins pieces of text as UTF-8 bytes, giving the thread back between pieces when the slice is used up. */
async function piecesToBytes(pieces: Iterable<string>, yieldNow: () => Promise<void>): Promise<Uint8Array> {
  const out = new BlobWriter(1024 * 1024);
  for (const piece of pieces) {
    out.write(piece);
    await yieldNow();
  }
  return new Uint8Array(await out.blob().arrayBuffer());
}

/**
 * A file deflated beforehand: the ZIP is given its original bytes to count and check (size, CRC-32) and its
 * deflated bytes to store, once the last original chunk has been counted.
 */
class DeflatedFile extends ZipPassThrough {
  constructor(
    filename: string,
    private readonly deflated: Uint8Array<ArrayBuffer>,
  ) {
    super(filename);
    this.compression = 8;
  }

  protected override process(_chunk: Uint8Array, final: boolean): void {
    if (final) this.ondata(null, this.deflated, true);
  }
}

/** The one way a manifest is written, so that verification can tell any byte changed in it. */
export function manifestText(manifest: BundleManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** `manifestText`, a piece at a time. */
function* manifestPieces(manifest: BundleManifest): Generator<string> {
  yield* indentedPieces(manifest as unknown as Record<string, unknown>);
  yield '\n';
}

export type BundleStatus = 'intact' | 'broken' | 'unreadable';

export interface BundleVerification {
  status: BundleStatus;
  problems: Problem[];
  /** Files whose digests were checked. */
  files: number;
  audits: number;
  /** The chain links the bundle's capture records claim, to look up in a browser's own chain. */
  links: ChainHead[];
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Re-computes every digest in an evidence bundle: each file against the manifest, the manifest against its own
 * digest and canonical form, each audit and artefact against the capture record, each record against its digest.
 * 'unreadable' is for what is not a Liangzhao bundle at all (not a ZIP, no manifest, a foreign manifest).
 */
export async function verifyBundle(zipBytes: Uint8Array): Promise<BundleVerification> {
  const unreadable = (p: Problem): BundleVerification => ({ status: 'unreadable', problems: [p], files: 0, audits: 0, links: [] });
  let files: Record<string, Uint8Array>;
  try {
    files = await unzipInBatches(zipBytes);
  } catch (error) {
    return unreadable(problem('bundleNotZip', { detail: error instanceof Error ? error.message : String(error) }));
  }
  const manifestBytes = files[MANIFEST];
  if (!manifestBytes) return unreadable(problem('bundleNoManifest', { file: MANIFEST }));

  const broken = (problems: Problem[], checked = 0, audits = 0, links: ChainHead[] = []): BundleVerification => ({
    status: problems.length ? 'broken' : 'intact',
    problems,
    files: checked,
    audits,
    links,
  });
  let text: string;
  let manifest: BundleManifest;
  try {
    text = decoder.decode(manifestBytes);
    manifest = JSON.parse(text) as BundleManifest;
  } catch (error) {
    return broken([problem('manifestUnreadable', { file: MANIFEST, detail: error instanceof Error ? error.message : String(error) })]);
  }
  const schema = typeof manifest === 'object' && manifest !== null ? (manifest as { schema?: unknown }).schema : undefined;
  if (typeof schema !== 'string' || !schema.startsWith('liangzhao')) {
    return unreadable(problem('bundleForeign', { file: MANIFEST }));
  }
  if (schema !== BUNDLE_SCHEMA || !Array.isArray(manifest.files) || !Array.isArray(manifest.audits)) {
    return broken([problem('manifestChanged', { file: MANIFEST })]);
  }

  const problems: Problem[] = [];
  const { digest, ...unsealed } = manifest;
  const actualDigest = await sha256Hex(canonicalJson(unsealed));
  if (actualDigest !== digest || text !== manifestText(manifest)) {
    problems.push(problem('manifestChanged', { file: MANIFEST, expected: String(digest), actual: actualDigest }));
  }

  const changed = new Set<string>();
  const listed = new Set<string>();
  for (const file of manifest.files) {
    listed.add(file.path);
    const bytes = files[file.path];
    if (!bytes) {
      problems.push(problem('fileMissing', { file: file.path }));
      changed.add(file.path);
      continue;
    }
    const actual = await sha256Hex(bytes);
    if (actual !== file.sha256) {
      problems.push(problem('fileChanged', { file: file.path, expected: file.sha256, actual }));
      changed.add(file.path);
    }
  }
  for (const path of Object.keys(files)) {
    if (path !== MANIFEST && !listed.has(path) && !path.endsWith('/')) problems.push(problem('fileUnexpected', { file: path }));
  }

  for (const entry of manifest.audits) {
    const auditPath = `${entry.folder}audit.json`;
    if (!changed.has(auditPath) && files[auditPath]) {
      const actual = await digestOfAuditFile(files[auditPath]);
      const expected = entry.capture?.record.auditSha256 ?? entry.auditSha256;
      if (actual !== expected || actual !== entry.auditSha256) {
        problems.push(problem('auditChanged', { file: auditPath, url: entry.url, expected, actual: String(actual) }));
      }
    }
    if (!entry.capture) continue;
    const { record } = entry.capture;
    const actualRecord = await recordDigest(record);
    if (actualRecord !== entry.capture.digest) {
      problems.push(problem('recordChanged', { file: MANIFEST, sequence: record.sequence, url: record.url, expected: entry.capture.digest, actual: actualRecord }));
    }
    for (const artefact of record.artefacts) {
      const path = entry.folder + artefact.name;
      const bytes = files[path];
      if (!bytes) {
        if (!changed.has(path)) problems.push(problem('artefactMissing', { file: path, sequence: record.sequence, url: record.url }));
        continue;
      }
      if (changed.has(path)) continue;
      const actual = await sha256Hex(bytes);
      if (actual !== artefact.sha256) {
        problems.push(problem('artefactChanged', { file: path, sequence: record.sequence, url: record.url, expected: artefact.sha256, actual }));
      }
    }
  }
  const links = manifest.audits.flatMap((a) =>
    a.capture ? [{ chainId: a.capture.record.chainId, sequence: a.capture.record.sequence, digest: a.capture.digest }] : [],
  );
  return broken(problems, manifest.files.length, manifest.audits.length, links);
}

/** Uncompressed bytes per batch: a bundle of many audits is unpacked a few megabytes per task. */
const UNZIP_BATCH = 4 * 1024 * 1024;

/** `unzipSync`, a batch of files at a time (its filter picks the batch), yielding between batches. */
async function unzipInBatches(zipBytes: Uint8Array): Promise<Record<string, Uint8Array>> {
  const batches: Array<Set<string>> = [];
  let size = Infinity;
  unzipSync(zipBytes, {
    filter: (file) => {
      if (size + file.originalSize > UNZIP_BATCH) {
        batches.push(new Set());
        size = 0;
      }
      batches.at(-1)!.add(file.name);
      size += file.originalSize;
      return false;
    },
  });
  const yieldNow = createYielder();
  const files: Record<string, Uint8Array> = {};
  for (const batch of batches) {
    Object.assign(files, unzipSync(zipBytes, { filter: (file) => batch.has(file.name) }));
    await yieldNow();
  }
  return files;
}

async function digestOfAuditFile(bytes: Uint8Array): Promise<string | null> {
  try {
    return await auditDigest(JSON.parse(decoder.decode(bytes)) as AuditResult);
  } catch {
    return null;
  }
}

/** Not a URL: the slug is made from the text itself. */
function slug(url: string): string {
  return (hostOf(url) || url).replace(/[^A-Za-z0-9.-]+/g, '_').slice(0, 60) || 'page';
}
