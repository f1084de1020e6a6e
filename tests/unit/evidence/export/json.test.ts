import { describe, expect, it, vi } from 'vitest';
import { buildJsonExport, parseJsonImport } from '@/evidence/export/json';
import type { EvidenceEntry } from '@/evidence/export/source';
import { bytesToBase64 } from '@/utils/base64';
import { canonicalJson } from '@/evidence/seal/canonical';
import { sha256Hex } from '@/evidence/seal/digest';
import { auditDigest } from '@/evidence/seal/record';
import { captureOf, headOf, hostileAudit, sampleAudit } from '../helpers';

async function exportText(entries: EvidenceEntry[]): Promise<string> {
  return (await buildJsonExport(entries, { exportedAt: '2026-11-28T21:00:00.000+08:00', extensionVersion: '0.1.0' })).text();
}

async function twoEntries(): Promise<EvidenceEntry[]> {
  const first = sampleAudit();
  const second = hostileAudit();
  const capture = await captureOf(first, null);
  return [{ audit: first, capture }, { audit: second, capture: await captureOf(second, headOf(capture)) }];
}

describe('JSON export', () => {
  it('is a versioned wrapper around the complete audit records', async () => {
    const entries = await twoEntries();
    const data = JSON.parse(await exportText(entries));
    expect(data).toMatchObject({
      schema: 'liangzhao.export/2',
      exportedAt: '2026-11-28T21:00:00.000+08:00',
      extensionVersion: '0.1.0',
      rulesetVersions: ['2026.11.1'],
      count: 2,
    });
    expect(data.audits).toEqual(entries.map((e) => e.audit));
    expect(data.auditSha256).toHaveLength(2);
    expect(data.captures[1]).toMatchObject({ audit: 1, digest: entries[1].capture!.sealed.digest });
  });

  it('writes each audit as the canonical JSON its digest is taken over', async () => {
    const entries = await twoEntries();
    const text = await exportText(entries);
    const data = JSON.parse(text);
    const lines = text.split('\n');
    const start = lines.findIndex((line) => line.endsWith('"audits":[')) + 1;
    for (const [i, entry] of entries.entries()) {
      const line = lines[start + i].replace(/,$/, '');
      expect(line).toBe(canonicalJson(entry.audit));
      expect(data.auditSha256[i]).toBe(await sha256Hex(line));
      expect(data.auditSha256[i]).toBe(await auditDigest(entry.audit));
    }
  });

  it('round-trips: every audit, record and artefact comes back identical', async () => {
    const entries = await twoEntries();
    const parsed = await parseJsonImport(await exportText(entries));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.source).toBe('export');
    expect(parsed.entries.map((e) => e.readAudit())).toEqual(entries.map((e) => e.audit));
    expect(parsed.entries[1].capture!.sealed).toEqual(entries[1].capture!.sealed);
    expect(parsed.entries[0].capture!.artefacts.map((a) => [a.entry.name, [...a.bytes]])).toEqual(
      entries[0].capture!.artefacts.map((a) => [a.entry.name, [...a.bytes]]),
    );
  });

  it('round-trips a full-page capture (liangzhao.evidence/2) chained after one an older version made (/1)', async () => {
    const older = await captureOf(sampleAudit(), null, undefined, { schema: 'liangzhao.evidence/1' });
    const newer = await captureOf(hostileAudit(), headOf(older));
    const entries = [{ audit: sampleAudit(), capture: older }, { audit: hostileAudit(), capture: newer }];
    const parsed = await parseJsonImport(await exportText(entries));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.entries.map((e) => e.capture!.sealed.record.schema)).toEqual(['liangzhao.evidence/1', 'liangzhao.evidence/2']);
    expect(parsed.entries[1].capture!.sealed.record.fullPage).toMatchObject({ cut: false, frames: 5 });
    expect(parsed.entries[1].capture!.artefacts.map((a) => a.entry.name)).toContain('fullpage.png');
  });

  it('reads its own layout a line at a time, never the whole file in one JSON.parse', async () => {
    const entries = await twoEntries();
    const text = await exportText(entries);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const parsed = await parseJsonImport(text);
      expect(parsed.ok).toBe(true);
      expect(parse.mock.calls.length).toBeGreaterThan(4);
      expect(parse.mock.calls.every(([json]) => json.length < text.length / 2)).toBe(true);
    } finally {
      parse.mockRestore();
    }
  });

  it('reads every audit of a large export, each parsed again from its own line when it is read', async () => {
    const audits = Array.from({ length: 600 }, (_, i) => ({ ...sampleAudit(), url: `https://shop.example.cn/${i}` }));
    const parsed = await parseJsonImport(await exportText(audits.map((audit) => ({ audit }))));
    if (!parsed.ok) throw new Error(parsed.problem.code);
    expect(parsed.entries.map((e) => e.url)).toEqual(audits.map((a) => a.url));
    expect(parsed.entries[599].readAudit()).toEqual(audits[599]);
    // Each read is a fresh parse of the line, so nothing holds the parsed audits in between.
    expect(parsed.entries[3].readAudit()).not.toBe(parsed.entries[3].readAudit());
  });

  it('names the audit whose line is broken, refusing the file whole', async () => {
    const audits = Array.from({ length: 5 }, (_, i) => ({ ...sampleAudit(), url: `https://shop.example.cn/${i}` }));
    const lines = (await exportText(audits.map((audit) => ({ audit })))).split('\n');
    const third = lines.findIndex((line) => line.includes('https://shop.example.cn/2'));
    lines[third] = lines[third].slice(0, 200);
    const parsed = await parseJsonImport(lines.join('\n'));
    expect(parsed).toMatchObject({ ok: false, problem: { code: 'importNotJson' } });
    expect(!parsed.ok && String(parsed.problem.params?.detail)).toMatch(/^audits\[2\]: /);
  });

  it('names an audit whose line was edited, by its digest', async () => {
    const audits = Array.from({ length: 5 }, (_, i) => ({ ...sampleAudit(), url: `https://shop.example.cn/${i}` }));
    const text = (await exportText(audits.map((audit) => ({ audit })))).replace('https://shop.example.cn/3', 'https://shop.example.cn/x');
    expect(await parseJsonImport(text)).toMatchObject({ ok: false, problem: { code: 'importDigestMismatch', params: { what: 'audits[3]', url: 'https://shop.example.cn/x' } } });
  });

  it('reads the same export reformatted by another tool, and one without captures', async () => {
    const entries = await twoEntries();
    const text = await exportText(entries);
    const pretty = await parseJsonImport(JSON.stringify(JSON.parse(text), null, 4));
    expect(pretty.ok && pretty.entries.map((e) => e.readAudit())).toEqual(entries.map((e) => e.audit));
    const plain = await parseJsonImport(await exportText(entries.map((e) => ({ audit: e.audit }))));
    expect(plain.ok && plain.entries.map((e) => e.capture ?? null)).toEqual([null, null]);
  });

  it('keeps page text that looks like the file’s own layout as text', async () => {
    const audit = hostileAudit();
    audit.title = '\n],"auditSha256":[],"captures":[\n]}\n';
    const parsed = await parseJsonImport(await exportText([{ audit }]));
    expect(parsed.ok && parsed.entries[0].readAudit().title).toBe(audit.title);
  });

  it('accepts the command-line auditor’s output: one audit or an array', async () => {
    const one = await parseJsonImport(JSON.stringify(sampleAudit()));
    const many = await parseJsonImport(JSON.stringify([sampleAudit(), hostileAudit()]));
    expect(one).toMatchObject({ ok: true, source: 'audits' });
    expect(many.ok && many.entries.length).toBe(2);
  });
});

describe('JSON import refuses, naming why', () => {
  it.each([
    ['not JSON', '{"schema": "liangzhao.export/1", ', 'importNotJson'],
    ['a foreign JSON file', JSON.stringify({ name: 'package', version: '1.0.0' }), 'importForeign'],
    ['a newer export format', JSON.stringify({ schema: 'liangzhao.export/3', audits: [] }), 'importNewerSchema'],
    ['an empty array', '[]', 'importEmpty'],
  ])('%s', async (_name, text, code) => {
    const parsed = await parseJsonImport(text);
    expect(parsed).toMatchObject({ ok: false, problem: { code } });
  });

  it('an audit with a broken shape, with the path of what is wrong', async () => {
    const data = JSON.parse(await exportText(await twoEntries()));
    data.audits[1].results[2].status = 'maybe';
    const parsed = await parseJsonImport(JSON.stringify(data));
    expect(parsed).toMatchObject({ ok: false, problem: { code: 'importInvalid', params: { path: 'audits[1].results[2].status: "maybe"' } } });
  });

  it('an audit edited after export', async () => {
    const data = JSON.parse(await exportText(await twoEntries()));
    data.audits[0].score = 100;
    const parsed = await parseJsonImport(JSON.stringify(data));
    expect(parsed).toMatchObject({ ok: false, problem: { code: 'importDigestMismatch', params: { what: 'audits[0]' } } });
  });

  it('an artefact changed after export', async () => {
    const data = JSON.parse(await exportText(await twoEntries()));
    data.captures[0].artefacts[0].data = bytesToBase64(new Uint8Array([1, 2, 3]));
    const parsed = await parseJsonImport(JSON.stringify(data));
    expect(parsed).toMatchObject({ ok: false, problem: { code: 'importDigestMismatch', params: { what: 'captures[0]/screenshot.png' } } });
  });

  it('a capture record edited after export, and corrupt base64', async () => {
    const data = JSON.parse(await exportText(await twoEntries()));
    data.captures[1].record.caseFields.inspector = '李四';
    expect(await parseJsonImport(JSON.stringify(data))).toMatchObject({ ok: false, problem: { code: 'importDigestMismatch', params: { what: 'captures[1].record' } } });
    const corrupt = JSON.parse(await exportText(await twoEntries()));
    corrupt.captures[0].artefacts[1].data = '###';
    expect(await parseJsonImport(JSON.stringify(corrupt))).toMatchObject({ ok: false, problem: { code: 'importInvalid' } });
  });
});
