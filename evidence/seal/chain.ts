import type { AuditResult } from '@/rules/types';
import { sha256Hex, type Digestible } from './digest';
import { auditDigest, recordDigest, type ChainHead, type SealedRecord } from './record';
import { problem, type Problem } from '../problems';
import { createYielder, type ProgressCallback } from '../../utils/yield';

/** One stored capture, with loaders so a long history is read one capture at a time. */
export interface ChainItem {
  sealed: SealedRecord;
  loadAudit: () => Promise<AuditResult | null>;
  /** The artefact's bytes by its file name, or null when it is gone. */
  loadArtefact: (name: string) => Promise<Digestible | null>;
}

export interface ChainReport {
  chainId: string;
  length: number;
  /** Every problem in chain order; the first is the first break. */
  problems: Problem[];
}

export interface ChainVerification {
  intact: boolean;
  captures: number;
  chains: ChainReport[];
  firstBreak: Problem | null;
}

/**
 * Re-computes every digest of every chain: each record, its audit, its artefacts and the link to the record before
 * it; `heads` (the newest link of each chain this profile made) reveals a deleted newest capture.
 */
export async function verifyChains(
  items: readonly ChainItem[],
  heads: readonly ChainHead[] = [],
  onProgress?: ProgressCallback,
): Promise<ChainVerification> {
  const byChain = new Map<string, ChainItem[]>();
  for (const item of items) {
    const list = byChain.get(item.sealed.record.chainId) ?? [];
    list.push(item);
    byChain.set(item.sealed.record.chainId, list);
  }
  for (const head of heads) if (!byChain.has(head.chainId)) byChain.set(head.chainId, []);

  const yieldNow = createYielder();
  let done = 0;
  onProgress?.(0, items.length);
  const chains: ChainReport[] = [];
  for (const [chainId, list] of byChain) {
    list.sort((a, b) => a.sealed.record.sequence - b.sealed.record.sequence);
    const problems: Problem[] = [];
    let expected = 1;
    let previousDigest: string | null = null;
    for (const item of list) {
      const { record, digest } = item.sealed;
      const at = { sequence: record.sequence, url: record.url, capturedAt: record.capturedAt };
      if (record.sequence < expected) {
        problems.push(problem('captureDuplicate', at));
        continue;
      }
      if (record.sequence > expected) {
        problems.push(problem('captureMissing', { ...at, missing: expected }));
        previousDigest = null;
      }
      const actual = await recordDigest(record);
      if (actual !== digest) problems.push(problem('recordChanged', { ...at, expected: digest, actual }));
      if (record.sequence === expected && record.previous !== previousDigest) {
        problems.push(problem('linkBroken', { ...at, expected: String(previousDigest), actual: String(record.previous) }));
      }
      await checkContents(item, at, problems);
      previousDigest = actual;
      expected = record.sequence + 1;
      onProgress?.(++done, items.length);
      await yieldNow();
    }
    const head = heads.find((h) => h.chainId === chainId);
    const last = list.at(-1)?.sealed;
    if (head && (!last || last.record.sequence < head.sequence)) {
      problems.push(problem('headMissing', { sequence: head.sequence, expected: head.digest }));
    } else if (head && last && last.record.sequence === head.sequence && last.digest !== head.digest) {
      problems.push(
        problem('recordChanged', {
          sequence: head.sequence,
          url: last.record.url,
          capturedAt: last.record.capturedAt,
          expected: head.digest,
          actual: last.digest,
        }),
      );
    }
    chains.push({ chainId, length: list.length, problems });
  }
  const firstBreak = chains.flatMap((c) => c.problems)[0] ?? null;
  return { intact: firstBreak === null, captures: items.length, chains, firstBreak };
}

async function checkContents(item: ChainItem, at: Record<string, string | number>, problems: Problem[]) {
  const { record } = item.sealed;
  const audit = await item.loadAudit();
  if (!audit) {
    problems.push(problem('auditMissing', at));
  } else {
    const actual = await auditDigest(audit);
    if (actual !== record.auditSha256) {
      problems.push(problem('auditChanged', { ...at, expected: record.auditSha256, actual }));
    }
  }
  for (const artefact of record.artefacts) {
    const bytes = await item.loadArtefact(artefact.name);
    if (bytes === null) {
      problems.push(problem('artefactMissing', { ...at, file: artefact.name }));
      continue;
    }
    const actual = await sha256Hex(bytes);
    if (actual !== artefact.sha256) {
      problems.push(problem('artefactChanged', { ...at, file: artefact.name, expected: artefact.sha256, actual }));
    }
  }
}
