import { afterEach, describe, expect, it } from 'vitest';
import type { AuditResult } from '@/rules/types';
import { LiangzhaoDatabase, toStoredAudit } from '@/storage/db';
import { captureEvidence, MHTML_ATTEMPTS, type CaptureDeps } from '@/evidence/capture/collect';
import { CHAIN_HEAD_KEY, loadCaseFields, saveCaseFields, type BlobRow, type CaptureRow } from '@/evidence/capture/store';
import { verifyStoredChains } from '@/evidence/export/import';
import { auditDigest } from '@/evidence/seal/record';
import { sha256Hex } from '@/evidence/seal/digest';
import { dataUrl } from '@/utils/base64';
import { CASE, PNG_BYTES, sampleAudit } from '../helpers';
import type { Frame } from '@/evidence/capture/stitch';
import { FULL_PAGE_MAX_HEIGHT } from '@/evidence/seal/record';

const databases: LiangzhaoDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

/** A tab showing `audit`, with a content script that answers like the real one. */
async function setUp(options: { mhtml?: 'works' | 'flaky' | 'none'; stored?: boolean; pageHeight?: number; scrollsTo?: number } = {}) {
  const db = new LiangzhaoDatabase(`capture-${Math.random()}`);
  databases.push(db);
  const audit: AuditResult = sampleAudit();
  const auditId = options.stored === false ? null : ((await db.audits.add(toStoredAudit(audit, 7))) as number);
  const asked: unknown[] = [];
  const stitched: Array<{ frames: readonly Frame[]; size: { width: number; height: number } }> = [];
  let mhtmlCalls = 0;
  let scrollY = 150;
  const pageHeight = options.pageHeight ?? 1500;
  // The page scrolls no further than its end, or than `scrollsTo` (a page that scrolls inside an element).
  const lastScroll = Math.min(pageHeight - 600, options.scrollsTo ?? Infinity);
  const mhtmlBlob = new Blob(['MIME-Version: 1.0\r\n\r\n<html>示例</html>'], { type: 'multipart/related' });
  const deps: CaptureDeps = {
    db,
    getTab: async () => ({ windowId: 1, active: true, url: audit.url, title: audit.title }),
    askPage: async (_tabId, message) => {
      asked.push(message);
      const m = message as { type: string; selectors?: string[] };
      if (m.type === 'page:current') return { result: audit, auditId };
      if (m.type === 'page:evidence-conceal') return { concealed: true };
      if (m.type === 'page:evidence-reveal') return { revealed: true };
      if (m.type === 'page:geometry') return { scrollX: 0, scrollY, width: 800, height: 600, devicePixelRatio: 1, pageWidth: 800, pageHeight };
      if (m.type === 'page:fullpage-frame') {
        scrollY = Math.min((m as unknown as { y: number }).y, lastScroll);
        return { scrollY };
      }
      if (m.type === 'page:fullpage-end') {
        scrollY = 150;
        return { restored: true };
      }
      if (m.type === 'page:evidence-html') return m.selectors!.map((selector) => ({ selector, html: `<a>${selector}</a>`, truncated: false }));
      throw new Error(`unexpected ${m.type}`);
    },
    // Each frame says where the page was scrolled when it was taken.
    captureVisibleTab: async () => dataUrl('image/png', new Uint8Array([...PNG_BYTES, scrollY & 255, scrollY >> 8])),
    stitch: async (frames, size) => {
      stitched.push({ frames, size });
      return { bytes: new Uint8Array([...PNG_BYTES, frames.length]), width: size.width, height: size.height };
    },
    saveAsMhtml:
      options.mhtml === 'none'
        ? null
        : async () => {
            mhtmlCalls++;
            if (options.mhtml === 'flaky' && mhtmlCalls < 3) throw new DOMException('A requested file or directory could not be found', 'NotFoundError');
            return mhtmlBlob;
          },
    userAgent: 'Mozilla/5.0 Test',
    extensionVersion: '0.1.0',
    now: () => new Date('2026-11-28T12:58:00.000Z'),
    newChainId: () => 'chain-a',
    sleep: async () => undefined,
  };
  return { db, audit, auditId, deps, asked, stitched, mhtmlCalls: () => mhtmlCalls };
}

describe('captureEvidence', () => {
  it('stores the screenshot, MHTML and element markup with their digests, linked from the audit', async () => {
    const { db, audit, auditId, deps, asked } = await setUp();
    const reply = await captureEvidence(deps, 7, CASE);
    // The extension's traces are off the page for the screenshot and the MHTML, and back after.
    const types = asked.map((m) => (m as { type: string }).type);
    expect(types.slice(0, 3)).toEqual(['page:current', 'page:evidence-conceal', 'page:geometry']);
    expect(types.indexOf('page:evidence-reveal')).toBe(types.indexOf('page:fullpage-end') + 1);
    expect(reply).toMatchObject({ ok: true, auditId, sequence: 1, absent: [] });
    const stored = await db.audits.get(auditId!);
    expect(stored?.captureId).toBe(reply.ok && reply.captureId);
    const capture = (await db.captures.get(stored!.captureId!)) as CaptureRow;
    expect(capture.record).toMatchObject({
      schema: 'liangzhao.evidence/2',
      chainId: 'chain-a',
      previous: null,
      url: audit.url,
      userAgent: 'Mozilla/5.0 Test',
      extensionVersion: '0.1.0',
      rulesetVersion: '2026.11.1',
      caseFields: CASE,
      auditSha256: await auditDigest(audit),
    });
    expect(capture.record.capturedAt).toMatch(/^2026-11-28T\d\d:58:00\.000[+-]\d\d:\d\d$/);
    const blobs = (await db.blobs.where('captureId').equals(capture.id!).toArray()) as BlobRow[];
    expect(blobs.map((b) => b.name).sort()).toEqual(['evidence-html.json', 'fullpage.png', 'page.mhtml', 'screenshot.png']);
    for (const blob of blobs) expect(await sha256Hex(blob.data)).toBe(capture.record.artefacts.find((a) => a.name === blob.name)!.sha256);
    const selectors = (asked.find((m) => (m as { type: string }).type === 'page:evidence-html') as { selectors: string[] }).selectors;
    expect(selectors).toContain('footer > p:nth-of-type(1) > a');
    const html = JSON.parse(await blobs.find((b) => b.name === 'evidence-html.json')!.data.text());
    expect(html.elements[0]).toMatchObject({ selector: 'footer > p:nth-of-type(1) > a', ruleIds: ['icp-filing'] });
  });

  it('chains each capture to the one before and keeps the chain head', async () => {
    const { db, deps } = await setUp();
    const first = await captureEvidence(deps, 7, CASE);
    const second = await captureEvidence(deps, 7, CASE);
    expect(second).toMatchObject({ ok: true, sequence: 2 });
    const rows = (await db.captures.toArray()) as CaptureRow[];
    expect(rows[1].record.previous).toBe(first.ok && first.digest);
    expect((await db.settings.get(CHAIN_HEAD_KEY))?.value).toMatchObject({ chainId: 'chain-a', sequence: 2 });
    expect(await verifyStoredChains(db)).toMatchObject({ intact: true, captures: 2 });
  });

  it('retries the MHTML read that fails now and then', async () => {
    const { deps, mhtmlCalls } = await setUp({ mhtml: 'flaky' });
    expect(await captureEvidence(deps, 7, CASE)).toMatchObject({ ok: true, absent: [] });
    expect(mhtmlCalls()).toBe(3);
  });

  it('records that the browser has no pageCapture, and why an MHTML that never came is missing', async () => {
    const none = await setUp({ mhtml: 'none' });
    expect(await captureEvidence(none.deps, 7, CASE)).toMatchObject({ ok: true, absent: [{ kind: 'mhtml', reason: 'unsupported' }] });
    const broken = await setUp({ mhtml: 'flaky' });
    broken.deps.saveAsMhtml = async () => {
      throw new Error('NotFoundError');
    };
    const reply = await captureEvidence(broken.deps, 7, CASE);
    expect(reply).toMatchObject({ ok: true, absent: [{ kind: 'mhtml', reason: `error: NotFoundError (${MHTML_ATTEMPTS} attempts)` }] });
  });

  it('stores the audit itself when the tab’s audit was not saved', async () => {
    const { db, deps } = await setUp({ stored: false });
    const reply = await captureEvidence(deps, 7, CASE);
    expect(reply.ok).toBe(true);
    expect(await db.audits.count()).toBe(1);
  });

  it('uses the case fields an inspector saved once', async () => {
    const { db, deps } = await setUp();
    await saveCaseFields(db, { caseNumber: ' A-1 ', inspector: '王', task: '' });
    expect(await loadCaseFields(db)).toEqual({ caseNumber: 'A-1', inspector: '王', task: '' });
    await captureEvidence(deps, 7);
    const [row] = (await db.captures.toArray()) as CaptureRow[];
    expect(row.record.caseFields).toEqual({ caseNumber: 'A-1', inspector: '王', task: '' });
  });

  it('puts the highlight back even when the screenshot fails', async () => {
    const { deps, asked } = await setUp();
    await captureEvidence({ ...deps, captureVisibleTab: async () => Promise.reject(new Error('no')) }, 7);
    expect(asked.map((m) => (m as { type: string }).type)).toEqual(['page:current', 'page:evidence-conceal', 'page:geometry', 'page:evidence-reveal']);
  });

  it('refuses a tab that is not on screen, a page without a content script, and a failed screenshot, storing nothing', async () => {
    const { db, deps } = await setUp();
    expect(await captureEvidence({ ...deps, getTab: async () => ({ active: false }) }, 7)).toMatchObject({ ok: false, error: 'evidenceCaptureError_notVisible' });
    const noScript = { ...deps, askPage: async () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')) };
    expect(await captureEvidence(noScript, 7)).toMatchObject({ ok: false, error: 'evidenceCaptureError_noPage' });
    const noShot = { ...deps, captureVisibleTab: async () => Promise.reject(new Error('Missing activeTab permission')) };
    expect(await captureEvidence(noShot, 7)).toMatchObject({ ok: false, error: 'evidenceCaptureError_screenshot', detail: 'Missing activeTab permission' });
    expect(await db.captures.count()).toBe(0);
    expect(await db.blobs.count()).toBe(0);
  });

  it('lets the dashboard verification name a tampered screenshot', async () => {
    const { db, deps } = await setUp();
    await captureEvidence(deps, 7, CASE);
    const blob = (await db.blobs.toArray()).find((b) => (b as BlobRow).name === 'screenshot.png')!;
    await db.blobs.update(blob.id!, { data: new Blob([new Uint8Array([0x89, 0x50])]) });
    const result = await verifyStoredChains(db);
    expect(result.firstBreak).toMatchObject({ code: 'artefactChanged', params: { file: 'screenshot.png', sequence: 1 } });
  });

  it('stitches the full page from one frame per window height, hiding fixed elements after the first, and scrolls back', async () => {
    const { db, deps, asked, stitched } = await setUp({ pageHeight: 1500 });
    const reply = await captureEvidence(deps, 7, CASE);
    const frames = asked.filter((m) => (m as { type: string }).type === 'page:fullpage-frame');
    expect(frames).toEqual([
      { type: 'page:fullpage-frame', y: 0, hideFixed: false },
      { type: 'page:fullpage-frame', y: 600, hideFixed: true },
      { type: 'page:fullpage-frame', y: 1200, hideFixed: true },
    ]);
    // The last frame could scroll only to 900: its part starts 300 px down the frame.
    expect(stitched[0].size).toEqual({ width: 800, height: 1500 });
    expect(stitched[0].frames.map(({ sourceY, destY, height }) => ({ sourceY, destY, height }))).toEqual([
      { sourceY: 0, destY: 0, height: 600 },
      { sourceY: 0, destY: 600, height: 600 },
      { sourceY: 300, destY: 1200, height: 300 },
    ]);
    const capture = (await db.captures.get(reply.ok ? reply.captureId : -1)) as CaptureRow;
    expect(capture.record.fullPage).toEqual({ pageHeight: 1500, capturedHeight: 1500, cut: false, frames: 3, width: 800, height: 1500 });
    // The visible screenshot's place on the page, taken before any scrolling.
    expect(capture.record.viewport).toEqual({ scrollX: 0, scrollY: 150, width: 800, height: 600, devicePixelRatio: 1 });
    const fullPage = capture.record.artefacts.find((a) => a.kind === 'fullpage-screenshot')!;
    expect(fullPage).toMatchObject({ name: 'fullpage.png', mediaType: 'image/png' });
    const blob = (await db.blobs.where('captureId').equals(capture.id!).toArray()).find((b) => (b as BlobRow).name === 'fullpage.png')!;
    expect(await sha256Hex(blob.data)).toBe(fullPage.sha256);
    expect(await verifyStoredChains(db)).toMatchObject({ intact: true });
  });

  it('cuts a page taller than the limit there, and one that will not scroll to its end where it stops, and says so', async () => {
    const tall = await setUp({ pageHeight: 50_000 });
    const reply = await captureEvidence(tall.deps, 7, CASE);
    expect(tall.stitched[0].size.height).toBe(FULL_PAGE_MAX_HEIGHT);
    expect(tall.stitched[0].frames).toHaveLength(Math.ceil(FULL_PAGE_MAX_HEIGHT / 600));
    const row = (await tall.db.captures.get(reply.ok ? reply.captureId : -1)) as CaptureRow;
    expect(row.record.fullPage).toMatchObject({ pageHeight: 50_000, capturedHeight: FULL_PAGE_MAX_HEIGHT, cut: true });

    const stuck = await setUp({ pageHeight: 3000, scrollsTo: 600 });
    const stuckReply = await captureEvidence(stuck.deps, 7, CASE);
    const stuckRow = (await stuck.db.captures.get(stuckReply.ok ? stuckReply.captureId : -1)) as CaptureRow;
    expect(stuckRow.record.fullPage).toMatchObject({ pageHeight: 3000, capturedHeight: 1200, cut: true, frames: 2 });
  });

  it('records why a full-page screenshot is missing, and keeps the rest of the capture', async () => {
    const none = await setUp();
    const reply = await captureEvidence({ ...none.deps, stitch: null }, 7, CASE);
    expect(reply).toMatchObject({ ok: true, absent: [{ kind: 'fullpage-screenshot', reason: 'unsupported' }] });
    const failing = await setUp();
    const failed = await captureEvidence({ ...failing.deps, stitch: async () => Promise.reject(new Error('canvas too large')) }, 7, CASE);
    expect(failed).toMatchObject({ ok: true, absent: [{ kind: 'fullpage-screenshot', reason: 'error: canvas too large' }] });
    expect(failing.asked.map((m) => (m as { type: string }).type)).toContain('page:fullpage-end');
  });
});
