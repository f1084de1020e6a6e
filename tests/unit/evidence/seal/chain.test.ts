import { describe, expect, it } from 'vitest';
import type { AuditResult } from '@/rules/types';
import { verifyChains, type ChainItem } from '@/evidence/seal/chain';
import type { CapturedEvidence } from '@/evidence/export/source';
import { describeProblem } from '@/evidence/problems';
import { captureOf, headOf, sampleAudit } from '../helpers';

/** Three chained captures held as the database would hold them: mutable, so tests can tamper with them. */
async function history() {
  const audits: AuditResult[] = [0, 1, 2].map((i) => ({ ...sampleAudit(), url: `https://shop.example.cn/p/${i}`, score: 60 + i }));
  const captures: CapturedEvidence[] = [];
  for (const audit of audits) captures.push(await captureOf(audit, captures.length ? headOf(captures.at(-1)!) : null));
  const items = (): ChainItem[] =>
    captures.map((capture, i) => ({
      sealed: capture.sealed,
      loadAudit: async () => audits[i] ?? null,
      loadArtefact: async (name) => capture.artefacts.find((a) => a.entry.name === name)?.bytes ?? null,
    }));
  return { audits, captures, items, head: headOf(captures[2]) };
}

describe('verifyChains', () => {
  it('passes an untouched chain and reports progress', async () => {
    const { items, head } = await history();
    const seen: number[] = [];
    const result = await verifyChains(items(), [head], (done) => seen.push(done));
    expect(result).toMatchObject({ intact: true, captures: 3, firstBreak: null });
    expect(result.chains[0]).toMatchObject({ chainId: 'chain-test-1', length: 3, problems: [] });
    expect(seen).toEqual([0, 1, 2, 3]);
  });

  it('links each capture to the digest of the one before', async () => {
    const { captures } = await history();
    expect(captures[0].sealed.record.previous).toBeNull();
    expect(captures[1].sealed.record.previous).toBe(captures[0].sealed.digest);
    expect(captures[2].sealed.record).toMatchObject({ sequence: 3, previous: captures[1].sealed.digest });
  });

  it('names an audit changed after capture', async () => {
    const { audits, items, head } = await history();
    audits[1].score = 100;
    const result = await verifyChains(items(), [head]);
    expect(result.intact).toBe(false);
    expect(result.firstBreak).toMatchObject({ code: 'auditChanged', params: { sequence: 2, url: 'https://shop.example.cn/p/1' } });
    expect(describeProblem(result.firstBreak!, 'en')).toContain('https://shop.example.cn/p/1');
  });

  it('names a changed artefact by its file name', async () => {
    const { captures, items, head } = await history();
    const mhtml = captures[0].artefacts.find((a) => a.entry.name === 'page.mhtml')!;
    mhtml.bytes = new Uint8Array([...mhtml.bytes, 0x20]);
    const result = await verifyChains(items(), [head]);
    expect(result.firstBreak).toMatchObject({ code: 'artefactChanged', params: { sequence: 1, file: 'page.mhtml' } });
    expect(describeProblem(result.firstBreak!, 'zh_CN')).toContain('page.mhtml');
  });

  it('notices an edited record even when its stored digest was recomputed: the next link breaks', async () => {
    const { captures, items, head } = await history();
    const { sealRecord } = await import('@/evidence/seal/record');
    captures[1].sealed = await sealRecord({ ...captures[1].sealed.record, capturedAt: '2026-11-27T09:00:00.000+08:00' });
    const result = await verifyChains(items(), [head]);
    expect(result.firstBreak).toMatchObject({ code: 'linkBroken', params: { sequence: 3 } });
  });

  it('notices an edited record whose digest was left alone', async () => {
    const { captures, items, head } = await history();
    captures[0].sealed.record.url = 'https://elsewhere.example/';
    const result = await verifyChains(items(), [head]);
    expect(result.firstBreak).toMatchObject({ code: 'recordChanged', params: { sequence: 1 } });
  });

  it('notices a deleted capture in the middle and a deleted newest capture', async () => {
    const { items, head } = await history();
    const middle = await verifyChains(items().filter((_, i) => i !== 1), [head]);
    expect(middle.firstBreak).toMatchObject({ code: 'captureMissing', params: { missing: 2, sequence: 3 } });
    const newest = await verifyChains(items().slice(0, 2), [head]);
    expect(newest.firstBreak).toMatchObject({ code: 'headMissing', params: { sequence: 3 } });
  });

  it('notices a deleted audit and a deleted artefact', async () => {
    const { audits, captures, items, head } = await history();
    audits.splice(2, 1);
    captures[0].artefacts.splice(0, 1);
    const result = await verifyChains(items(), [head]);
    expect(result.chains[0].problems.map((p) => p.code)).toEqual(['artefactMissing', 'auditMissing']);
  });
});
