/** Progress of a long task: `done` of `total` steps. */
export type ProgressCallback = (done: number, total: number) => void;

/** How long one slice of work may hold the thread before giving it back: well under the 50 ms long-task line. */
export const SLICE_MS = 12;

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/**
 * Gives the thread back so input and rendering can run: `scheduler.yield()` where the browser has it (the task
 * continues ahead of other queued work), else a MessageChannel macrotask (setTimeout would be clamped to 4 ms).
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel !== 'undefined') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Lets the page paint and handle input between slices of work. Cheap to call often: it only yields once the
 * current slice has run for `sliceMs`.
 */
export function createYielder(sliceMs = SLICE_MS, clock: () => number = now): () => Promise<void> {
  let sliceStart = clock();
  return async () => {
    if (clock() - sliceStart < sliceMs) return;
    await yieldToEventLoop();
    sliceStart = clock();
  };
}

/** Work written as a generator that yields wherever it may pause. */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the same steps in slices of at most about `sliceMs`, giving the thread back between them. */
export async function runStepsSliced<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  const yieldIfDue = createYielder(sliceMs);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await yieldIfDue();
  }
}
