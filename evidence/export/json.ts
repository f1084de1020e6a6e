import type { AuditResult } from '@/rules/types';
import { READABLE_AUDIT_SCHEMAS, type AuditSchema } from '@/rules/types';
import { base64ToBytes, bytesToBase64 } from '../../utils/base64';
import { isSha256, sha256Hex } from '../seal/digest';
import { canonicalJson } from '../seal/canonical';
import { auditDigest, recordDigest, type SealedRecord } from '../seal/record';
import { problem, type Problem } from '../problems';
import { createYielder, type ProgressCallback } from '../../utils/yield';
import { arraySource, type CapturedEvidence, type EntrySource, type EvidenceEntry } from './source';
import { BlobWriter } from './blob-writer';
import { checkAudit, checkRecord, checkTermsVersion } from '../seal/validate';
import type { TermsVersionRecord } from './terms';

/**
 * `/2` adds the terms pages' versions (`termsDocuments`) and each terms audit's place among them with its clause
 * diff (`termsTrails`); `/1` files (no terms sections) still import.
 */
export const EXPORT_SCHEMA = 'liangzhao.export/2';
export const READABLE_EXPORT_SCHEMAS: readonly string[] = ['liangzhao.export/1', EXPORT_SCHEMA];

const encoder = new TextEncoder();

/** How many audit digests may be computing at once (Web Crypto works on them off the page's thread). */
const DIGESTS_IN_FLIGHT = 256;

/**
 * The export as one JSON document, written one audit at a time, so that thousands of audits never need a single
 * giant string or a long task. The wrapper's fields are known at the end and written first. The audits' digests run
 * side by side (a few hundred at a time) instead of one after another.
 */
export async function buildJsonExport(
  source: EntrySource | readonly EvidenceEntry[],
  meta: { exportedAt: string; extensionVersion: string },
  onProgress?: ProgressCallback,
  signal?: AbortSignal,
): Promise<Blob> {
  const entries = 'get' in source ? source : arraySource(source);
  const yieldNow = createYielder();
  const audits = new BlobWriter();
  const captures = new BlobWriter();
  const trails = new BlobWriter();
  const documents = new Map<string, TermsVersionRecord[]>();
  const digests: Array<Promise<string>> = [];
  let trailed = 0;
  let captured = 0;
  const rulesetVersions = new Set<string>();
  onProgress?.(0, entries.length);
  for (let index = 0; index < entries.length; index++) {
    signal?.throwIfAborted();
    const entry = await entries.get(index);
    if (entry) {
      const position = digests.length;
      // The audit is written as the canonical JSON its digest is taken over: one text, encoded once, for both.
      const text = encoder.encode(canonicalJson(entry.audit));
      if (position) audits.write(',\n');
      audits.write(text);
      digests.push(sha256Hex(text));
      if (position >= DIGESTS_IN_FLIGHT) await digests[position - DIGESTS_IN_FLIGHT];
      rulesetVersions.add(entry.audit.rulesetVersion);
      if (entry.capture) {
        const { sealed, artefacts } = entry.capture;
        const capture = JSON.stringify({
          audit: position,
          record: sealed.record,
          digest: sealed.digest,
          artefacts: artefacts.map((a) => ({ name: a.entry.name, data: bytesToBase64(a.bytes) })),
        });
        captures.write(`${captured++ ? ',\n' : ''}${capture}`);
      }
      if (entry.terms) {
        const { canonicalUrl, versions, seen, change } = entry.terms;
        documents.set(canonicalUrl, versions);
        trails.write(`${trailed++ ? ',\n' : ''}${JSON.stringify({ audit: position, canonicalUrl, seen, change })}`);
      }
    }
    onProgress?.(index + 1, entries.length);
    await yieldNow();
  }
  const head = {
    schema: EXPORT_SCHEMA,
    exportedAt: meta.exportedAt,
    extensionVersion: meta.extensionVersion,
    rulesetVersions: [...rulesetVersions].sort(),
    count: digests.length,
  };
  const open = JSON.stringify(head).slice(0, -1);
  const auditSha256 = await Promise.all(digests);
  return new Blob(
    [
      `${open},"audits":[\n`,
      audits.blob(),
      `\n],"auditSha256":${JSON.stringify(auditSha256)},"captures":[\n`,
      captures.blob(),
      '\n],"termsDocuments":[\n',
      [...documents].map(([canonicalUrl, versions]) => JSON.stringify({ canonicalUrl, versions })).join(',\n'),
      '\n],"termsTrails":[\n',
      trails.blob(),
      '\n]}\n',
    ],
    { type: 'application/json' },
  );
}

/**
 * An audit of an import file, checked. From a file in the export's own layout the audit is kept as its line of text
 * and parsed again when it is written: 2,000 parsed audits held at once made each young-generation collection copy
 * them, in tasks of 170 to 220 ms; parsed one at a time and dropped, they die young.
 */
export interface ImportedEntry {
  auditSha256: string;
  url: string;
  auditedAt: string;
  /** A terms page's audit, whose document's version the import adds to the history. */
  termsPage: boolean;
  readAudit(): AuditResult;
  capture?: CapturedEvidence | null;
}

/** The entry for an audit already checked; `text` is its JSON when it came as a line of text. */
function importedEntry(audit: AuditResult, auditSha256: string, text?: string): ImportedEntry {
  const termsPage = Boolean(audit.facts.termsDocument);
  return {
    auditSha256,
    url: audit.url,
    auditedAt: audit.auditedAt,
    termsPage,
    readAudit: text === undefined || termsPage ? () => audit : () => JSON.parse(text) as AuditResult,
  };
}

export type ImportParse =
  | { ok: true; entries: ImportedEntry[]; termsVersions: TermsVersionRecord[]; source: 'export' | 'audits' }
  | { ok: false; problem: Problem };

/**
 * Reads an export (or the CLI's `--json` output: one audit or an array of them), given as its text or its lines,
 * and checks everything: shapes, every digest, every artefact. Nothing is returned unless all of it is sound, so a caller can write all or nothing.
 */
export async function parseJsonImport(input: string | string[], onProgress?: ProgressCallback): Promise<ImportParse> {
  let data: unknown;
  try {
    const lines = typeof input === 'string' ? input.split('\n') : [...input];
    if (lines.length) lines[0] = lines[0].replace(/^\uFEFF/, '');
    data = (await parseExportLines(lines)) ?? JSON.parse(lines.join('\n'));
  } catch (error) {
    return { ok: false, problem: problem('importNotJson', { detail: error instanceof Error ? error.message : String(error) }) };
  }
  const schema = typeof data === 'object' && data !== null ? (data as { schema?: unknown }).schema : undefined;
  if (typeof schema === 'string' && /^liangzhao\.export\/\d+$/.test(schema) && !READABLE_EXPORT_SCHEMAS.includes(schema)) {
    return { ok: false, problem: problem('importNewerSchema', { schema }) };
  }
  if (typeof schema === 'string' && READABLE_EXPORT_SCHEMAS.includes(schema)) return parseWrapper(data as Record<string, unknown>, onProgress);
  const bare = Array.isArray(data) ? data : [data];
  const looksLikeAudits = bare.length > 0 && bare.every((a) => typeof a === 'object' && a !== null && READABLE_AUDIT_SCHEMAS.includes((a as { schema?: unknown }).schema as AuditSchema));
  if (!looksLikeAudits) {
    if (Array.isArray(data) && data.length === 0) return { ok: false, problem: problem('importEmpty') };
    return { ok: false, problem: problem('importForeign', { schema: typeof schema === 'string' ? schema : '—' }) };
  }
  const entries: ImportedEntry[] = [];
  for (const [i, audit] of bare.entries()) {
    const bad = checkAudit(audit, `[${i}]`);
    if (bad) return { ok: false, problem: problem('importInvalid', { path: bad }) };
    entries.push(importedEntry(audit as AuditResult, await auditDigest(audit as AuditResult)));
    onProgress?.(i + 1, bare.length);
  }
  return { ok: true, entries, termsVersions: [], source: 'audits' };
}

async function parseWrapper(data: Record<string, unknown>, onProgress?: ProgressCallback): Promise<ImportParse> {
  const fail = (code: Parameters<typeof problem>[0], params: Record<string, string | number> = {}): ImportParse => ({
    ok: false,
    problem: problem(code, params),
  });
  const { audits, auditSha256, captures, termsDocuments = [] } = data;
  if (!Array.isArray(audits)) return fail('importInvalid', { path: 'audits' });
  if (audits.length === 0) return fail('importEmpty');
  if (!Array.isArray(auditSha256) || auditSha256.length !== audits.length || !auditSha256.every(isSha256)) {
    return fail('importInvalid', { path: 'auditSha256' });
  }
  if (!Array.isArray(captures)) return fail('importInvalid', { path: 'captures' });
  if (!Array.isArray(termsDocuments)) return fail('importInvalid', { path: 'termsDocuments' });
  const termsVersions: TermsVersionRecord[] = [];
  for (const [i, doc] of termsDocuments.entries()) {
    const versions = (doc as { versions?: unknown } | null)?.versions;
    if (!Array.isArray(versions)) return fail('importInvalid', { path: `termsDocuments[${i}].versions` });
    for (const [j, version] of versions.entries()) {
      const bad = checkTermsVersion(version, `termsDocuments[${i}].versions[${j}]`);
      if (bad) return fail('importInvalid', { path: bad });
      termsVersions.push(version as TermsVersionRecord);
    }
  }

  const yieldNow = createYielder();
  const total = audits.length + captures.length;
  // Every audit (a line of text from a file in the export's layout) is parsed, its shape checked and its digest begun
  // in turn; the digests run side by side and are compared in order.
  const digests: Array<Promise<string>> = [];
  const entries: ImportedEntry[] = [];
  for (const [i, raw] of audits.entries()) {
    let audit: unknown;
    try {
      audit = typeof raw === 'string' ? JSON.parse(raw) : raw;
    } catch (error) {
      return fail('importNotJson', { detail: `audits[${i}]: ${error instanceof Error ? error.message : String(error)}` });
    }
    const bad = checkAudit(audit, `audits[${i}]`);
    if (bad) return fail('importInvalid', { path: bad });
    const digest = auditDigest(audit as AuditResult);
    digests.push(digest);
    entries.push(importedEntry(audit as AuditResult, auditSha256[i] as string, typeof raw === 'string' ? raw : undefined));
    if (i >= DIGESTS_IN_FLIGHT) await digests[i - DIGESTS_IN_FLIGHT];
    onProgress?.(i + 1, total);
    await yieldNow();
  }
  const actuals = await Promise.all(digests);
  for (const [i, entry] of entries.entries()) {
    const actual = actuals[i];
    if (actual !== auditSha256[i]) return fail('importDigestMismatch', { what: `audits[${i}]`, url: entry.url, expected: auditSha256[i], actual });
  }

  const captured = new Set<number>();
  for (const [i, raw] of captures.entries()) {
    const at = `captures[${i}]`;
    if (typeof raw !== 'object' || raw === null) return fail('importInvalid', { path: at });
    const capture = raw as Record<string, unknown>;
    const index = capture.audit;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= entries.length || captured.has(index)) {
      return fail('importInvalid', { path: `${at}.audit` });
    }
    captured.add(index);
    const bad = checkRecord(capture.record, `${at}.record`);
    if (bad) return fail('importInvalid', { path: bad });
    const sealed = { record: capture.record, digest: capture.digest } as SealedRecord;
    const recordActual = await recordDigest(sealed.record);
    if (recordActual !== sealed.digest) {
      return fail('importDigestMismatch', { what: `${at}.record`, url: sealed.record.url, expected: String(sealed.digest), actual: recordActual });
    }
    if (sealed.record.auditSha256 !== entries[index].auditSha256) {
      return fail('importDigestMismatch', {
        what: `audits[${index}]`,
        url: sealed.record.url,
        expected: sealed.record.auditSha256,
        actual: entries[index].auditSha256,
      });
    }
    const files = Array.isArray(capture.artefacts) ? (capture.artefacts as Array<Record<string, unknown>>) : null;
    if (!files) return fail('importInvalid', { path: `${at}.artefacts` });
    const artefacts: CapturedEvidence['artefacts'] = [];
    for (const entry of sealed.record.artefacts) {
      const file = files.find((f) => typeof f === 'object' && f !== null && f.name === entry.name);
      const bytes = typeof file?.data === 'string' ? base64ToBytes(file.data) : null;
      if (!bytes) return fail('importInvalid', { path: `${at}.artefacts[${entry.name}]` });
      const actual = await sha256Hex(bytes);
      if (actual !== entry.sha256 || bytes.length !== entry.size) {
        return fail('importDigestMismatch', { what: `${at}/${entry.name}`, url: sealed.record.url, expected: entry.sha256, actual });
      }
      artefacts.push({ entry, bytes });
    }
    entries[index].capture = { sealed, artefacts };
    onProgress?.(audits.length + i + 1, total);
    await yieldNow();
  }
  return { ok: true, entries, termsVersions, source: 'export' };
}

/**
 * Parses a file in the layout `buildJsonExport` writes (the wrapper's head, then one item per line in each section:
 * audits, captures and, since `/2`, terms documents and trails; a line starting `],"` opens the next section and may
 * carry fields such as the digests) a line at a time, yielding between lines, so a large export is read without one
 * long `JSON.parse`. The audits stay lines of text, parsed one at a time as they are checked (`parseWrapper`).
 * Returns null for any other layout (a file reformatted by another tool), which is then parsed whole.
 */
async function parseExportLines(lines: string[]): Promise<unknown | null> {
  if (!READABLE_EXPORT_SCHEMAS.some((schema) => lines[0]?.startsWith(`{"schema":"${schema}"`))) return null;
  while (lines.at(-1) === '') lines.pop();
  if (!lines[0].endsWith('"audits":[') || lines.at(-1) !== ']}') return null;
  const yieldNow = createYielder();
  try {
    const data = JSON.parse(`${lines[0]}]}`) as Record<string, unknown>;
    let section = data.audits as unknown[];
    let name = 'audits';
    for (let i = 1; i < lines.length - 1; i++) {
      const line = lines[i];
      if (line === '') continue;
      if (line.startsWith('],"')) {
        if (!line.endsWith(':[')) return null;
        const fields = JSON.parse(`{"_":[${line}]}`) as Record<string, unknown>;
        name = Object.keys(fields).at(-1)!;
        Object.assign(data, fields);
        delete data._;
        section = data[name] as unknown[];
        continue;
      }
      const item = line.endsWith(',') ? line.slice(0, -1) : line;
      section.push(name === 'audits' ? item : JSON.parse(item));
      await yieldNow();
    }
    return data;
  } catch {
    return null;
  }
}
