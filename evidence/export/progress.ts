/** Progress of a long export or verification: `done` of `total` steps. */
export type ProgressCallback = (done: number, total: number) => void;

/** How long one slice of work may hold the thread before giving it back (a frame is about 16 ms). */
const SLICE_MS = 12;

/**
 * Lets the page paint and handle input between slices of work. Cheap to call often: it only yields once the
 * current slice has run for SLICE_MS.
 */
export function createYielder(now: () => number = () => performance.now()): () => Promise<void> {
  let sliceStart = now();
  return async () => {
    if (now() - sliceStart < SLICE_MS) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    sliceStart = now();
  };
}
