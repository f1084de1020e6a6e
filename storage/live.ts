import { liveQuery } from 'dexie';
import type { Signal } from '@preact/signals';

/**
 * Keeps `target` equal to the query's latest answer: Dexie re-runs it whenever a table it read changes, from any
 * page or the service worker. Returns the unsubscribe function.
 */
export function bindLiveQuery<T>(
  query: () => Promise<T>,
  target: Signal<T>,
  onError: (error: unknown) => void = () => undefined,
): () => void {
  const subscription = liveQuery(query).subscribe({ next: (value) => (target.value = value), error: onError });
  return () => subscription.unsubscribe();
}
