import type { EvidenceEntry } from './json';

/**
 * The audits an export covers, read one at a time: a long history is never all in memory, and each audit's capture
 * (screenshot, MHTML) is dropped once written. `get` returns null for an audit deleted since the export began.
 */
export interface EntrySource<E extends EvidenceEntry = EvidenceEntry> {
  length: number;
  get(index: number): Promise<E | null>;
}

export function arraySource<E extends EvidenceEntry>(entries: readonly E[]): EntrySource<E> {
  return { length: entries.length, get: async (index) => entries[index] ?? null };
}
