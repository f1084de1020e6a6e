/**
 * The most findings of one kind an audit keeps (per article for unfair clauses, per kind for notices). A page that
 * repeats a phrase thousands of times, by accident or to stall the audit, is judged on its first ones: every rule
 * reads "is there one, is one visible", and the audit a person stores, sends and exports stays small.
 */
export const FINDINGS_LIMIT = 100;

/** Counts findings per key and says when a key has all it may keep. */
export function findingsCounter<K>(limit = FINDINGS_LIMIT) {
  const counts = new Map<K, number>();
  return {
    full: (key: K): boolean => (counts.get(key) ?? 0) >= limit,
    add: (key: K): void => void counts.set(key, (counts.get(key) ?? 0) + 1),
  };
}

/** The first `limit` items of each key, in their order. */
export function firstPerKey<T>(items: T[], keyOf: (item: T) => unknown, limit = FINDINGS_LIMIT): T[] {
  const counter = findingsCounter<unknown>(limit);
  return items.filter((item) => {
    const key = keyOf(item);
    if (counter.full(key)) return false;
    counter.add(key);
    return true;
  });
}
