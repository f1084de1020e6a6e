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

const databases: LiangzhaoDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

/** A tab showing `audit`, with a content script that answers like the real one. */
async function setUp(options: { mhtml?: 'works' | 'flaky' | 'none'; stored?: boolean } = {}) {
  const db = new LiangzhaoDatabase(`capture-${Math.random()}`);
  databases.push(db);
  const audit: AuditResult = sampleAudit();
  const auditId = options.stored === false ? null : ((await db.audits.add(toStoredAudit(audit, 7))) as number);
  const asked: unknown[] = [];
  let mhtmlCalls = 0;
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
      if (m.type === 'page:evidence-html') return m.selectors!.map((selector) => ({ selector, html: `<a>${selector}</a>`, truncated: false }));
      throw new Error(`unexpected ${m.type}`);
    },
    captureVisibleTab: async () => dataUrl('image/png', PNG_BYTES),
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
  return { db, audit, auditId, deps, asked, mhtmlCalls: () => mhtmlCalls };
}

describe('captureEvidence', () => {
  it('stores the screenshot, MHTML and element markup with their digests, linked from the audit', async () => {
    const { db, audit, auditId, deps, asked } = await setUp();
    const reply = await captureEvidence(deps, 7, CASE);
    // The extension's traces are off the page for the screenshot and the MHTML, and back after.
    const types = asked.map((m) => (m as { type: string }).type);
    expect(types.slice(0, 3)).toEqual(['page:current', 'page:evidence-conceal', 'page:evidence-reveal']);
    expect(reply).toMatchObject({ ok: true, auditId, sequence: 1, absent: [] });
    const stored = await db.audits.get(auditId!);
    expect(stored?.captureId).toBe(reply.ok && reply.captureId);
    const capture = (await db.captures.get(stored!.captureId!)) as CaptureRow;
    expect(capture.record).toMatchObject({
      schema: 'liangzhao.evidence/1',
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
    expect(blobs.map((b) => b.name).sort()).toEqual(['evidence-html.json', 'page.mhtml', 'screenshot.png']);
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
    expect(asked.map((m) => (m as { type: string }).type)).toEqual(['page:current', 'page:evidence-conceal', 'page:evidence-reveal']);
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
});
