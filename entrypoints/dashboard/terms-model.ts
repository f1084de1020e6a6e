import { computed, effect, signal } from '@preact/signals';
import { compareTermsVersions } from '@/rules/terms/compare';
import type { LiangzhaoDatabase } from '@/storage/db';
import { bindLiveQuery } from '@/storage/live';
import { trackedDocuments, versionFacts, versionsOf, type StoredTermsVersion, type TrackedDocument } from '@/storage/terms';

/** `#terms=<canonical URL>`: the popup's link to one document's versions. */
export function documentFromHash(hash: string): string | null {
  if (!hash.startsWith('#terms=')) return null;
  try {
    return decodeURIComponent(hash.slice('#terms='.length)) || null;
  } catch {
    return null;
  }
}

/** The terms-changes view: tracked documents, one document's versions, and the two versions compared. */
export function createTermsModel(db: LiangzhaoDatabase, initialDocument: string | null) {
  const documents = signal<TrackedDocument[]>([]);
  const selected = signal<string | null>(initialDocument);
  const versions = signal<StoredTermsVersion[]>([]);
  /** Indexes into `versions`: the earlier and the later side of the diff; null means the last two. */
  const pair = signal<[number, number] | null>(null);

  const stopDocuments = bindLiveQuery(() => trackedDocuments(db), documents);
  const stopVersions = effect(() => {
    const url = selected.value ?? documents.value[0]?.canonicalUrl ?? null;
    pair.value = null;
    if (!url) {
      versions.value = [];
      return;
    }
    return bindLiveQuery(() => versionsOf(db, url), versions);
  });

  const shownDocument = computed(() => selected.value ?? documents.value[0]?.canonicalUrl ?? null);
  const sides = computed<[number, number] | null>(() => {
    const count = versions.value.length;
    if (count < 2) return null;
    return pair.value ?? [count - 2, count - 1];
  });
  const comparison = computed(() => {
    const chosen = sides.value;
    if (!chosen) return null;
    const [before, after] = chosen.map((index) => versions.value[index]);
    return before && after ? compareTermsVersions(versionFacts(before), versionFacts(after)) : null;
  });

  function choose(side: 0 | 1, index: number): void {
    const current = sides.value ?? [0, 0];
    const next: [number, number] = side === 0 ? [index, current[1]] : [current[0], index];
    pair.value = next[0] < next[1] ? next : [Math.min(...next), Math.max(...next)];
  }

  return {
    documents,
    selected,
    shownDocument,
    versions,
    sides,
    comparison,
    choose,
    dispose: () => {
      stopDocuments();
      stopVersions();
    },
  };
}

export type TermsModel = ReturnType<typeof createTermsModel>;
