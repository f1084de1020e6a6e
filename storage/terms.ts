/**
 * Terms versions: one row per distinct digest of a terms document (its canonical URL), with when it was first and
 * last seen. An unchanged re-visit only moves "last seen"; every older version is kept.
 */
import type { TermsDocument, TermsDocumentKind } from '@/rules/terms/types';
import type { LiangzhaoDatabase } from './db';
import { newVersion, type StoredTermsVersion } from './terms-versions';

export { versionFacts } from './terms-versions';

export type { StoredTermsVersion };

export interface TrackedDocument {
  canonicalUrl: string;
  title: string;
  kind: TermsDocumentKind;
  versions: number;
  lastSeen: string;
}

/** Every version of one document, oldest first. */
export function versionsOf(db: LiangzhaoDatabase, canonicalUrl: string): Promise<StoredTermsVersion[]> {
  return db.termsVersions.where('[canonicalUrl+firstSeenMs]').between([canonicalUrl, -Infinity], [canonicalUrl, Infinity]).toArray();
}

/** Every tracked document, the most recently seen first. */
export async function trackedDocuments(db: LiangzhaoDatabase): Promise<TrackedDocument[]> {
  const documents = new Map<string, TrackedDocument>();
  await db.termsVersions.orderBy('lastSeenMs').reverse().each((version) => {
    const known = documents.get(version.canonicalUrl);
    if (known) known.versions++;
    else documents.set(version.canonicalUrl, { canonicalUrl: version.canonicalUrl, title: version.title, kind: version.kind, versions: 1, lastSeen: version.lastSeen });
  });
  return [...documents.values()];
}

export interface TermsHistory {
  /** The stored row of this version, once recorded. */
  current: StoredTermsVersion | null;
  /** The version seen before this one (by first seen), if any. */
  previous: StoredTermsVersion | null;
  /** When this version was first seen: its row's, or `seenAt` when it is new. */
  firstSeen: string;
  versions: StoredTermsVersion[];
}

/** Where a version stands among those stored, without writing (the popup). */
export async function termsHistory(db: LiangzhaoDatabase, doc: TermsDocument, seenAt: string): Promise<TermsHistory> {
  const versions = await versionsOf(db, doc.canonicalUrl);
  const index = versions.findIndex((version) => version.digest === doc.digest);
  const current = index >= 0 ? versions[index] : null;
  const previous = index >= 0 ? (versions[index - 1] ?? null) : (versions[versions.length - 1] ?? null);
  return { current, previous, firstSeen: current?.firstSeen ?? seenAt, versions };
}

/** Records a sighting of a version (the background, for every audited terms page) and says where it stands. */
export async function recordTermsVersion(db: LiangzhaoDatabase, doc: TermsDocument, title: string, seenAt: string): Promise<TermsHistory> {
  return db.transaction('rw', db.termsVersions, async () => {
    const known = await db.termsVersions.where('[canonicalUrl+digest]').equals([doc.canonicalUrl, doc.digest]).first();
    if (known) {
      const seenMs = Date.parse(seenAt);
      if (seenMs > known.lastSeenMs) await db.termsVersions.update(known.id!, { lastSeen: seenAt, lastSeenMs: seenMs, seenCount: known.seenCount + 1 });
    } else {
      await db.termsVersions.add(newVersion(doc, title, seenAt));
    }
    return termsHistory(db, doc, seenAt);
  });
}

/**
 * Versions seen elsewhere (an imported file): a version already stored keeps its row and widens its seen span; a
 * new one is added. The caller holds a transaction over `termsVersions`.
 */
export async function mergeTermsVersions(db: LiangzhaoDatabase, versions: ReadonlyArray<Omit<StoredTermsVersion, 'id'>>): Promise<void> {
  for (const version of versions) {
    const known = await db.termsVersions.where('[canonicalUrl+digest]').equals([version.canonicalUrl, version.digest]).first();
    if (!known) {
      await db.termsVersions.add({ ...version, firstSeenMs: Date.parse(version.firstSeen), lastSeenMs: Date.parse(version.lastSeen) });
      continue;
    }
    const first = Date.parse(version.firstSeen) < known.firstSeenMs ? version.firstSeen : known.firstSeen;
    const last = Date.parse(version.lastSeen) > known.lastSeenMs ? version.lastSeen : known.lastSeen;
    await db.termsVersions.update(known.id!, {
      firstSeen: first,
      firstSeenMs: Date.parse(first),
      lastSeen: last,
      lastSeenMs: Date.parse(last),
      seenCount: Math.max(known.seenCount, version.seenCount),
    });
  }
}
