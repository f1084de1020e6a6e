/** Progress of a long task: `done` of `total` steps. */
export type ProgressCallback = (done: number, total: number) => void;

/** How long one slice of work may hold the thread before giving it back: well under the 50 ms long-task line. */
export const SLICE_MS = 12;

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/**
 * However the thread is given back, a queued macrotask at least this often (ms): a `scheduler.yield()` continuation
 * runs ahead of the page's other queued tasks, so a long job yielding with it alone starves them (measured during a
 * CSV export: 5.3 s between two runs of a page's own message handler, while no task was over 1 s).
 */
export const QUEUED_YIELD_MS = 24;

/**
 * Gives the thread back so input and rendering can run: `scheduler.yield()` where the browser has it (the task
 * continues ahead of other queued work), else a macrotask.
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return queuedYield();
}

/** Continues after the tasks already queued: a MessageChannel message (setTimeout would be clamped to 4 ms). */
function queuedYield(): Promise<void> {
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
 * current slice has run for `sliceMs`, and lets the page's queued tasks run at least every `QUEUED_YIELD_MS`.
 */
export function createYielder(sliceMs = SLICE_MS, clock: () => number = now): () => Promise<void> {
  let sliceStart = clock();
  let lastQueued = sliceStart;
  return async () => {
    const at = clock();
    if (at - sliceStart < sliceMs) return;
    if (at - lastQueued >= QUEUED_YIELD_MS) {
      await queuedYield();
      lastQueued = clock();
    } else {
      await yieldToEventLoop();
    }
    sliceStart = clock();
  };
}

/**
 * How many links, images or candidate matches a step-wise job handles between two points where a sliced run may
 * pause (`yield` in its steps): a few milliseconds of work at most, so a page of 30,000 links is never one long task.
 */
export const PAUSE_EVERY = 256;

/** The same for findings turned into evidence (a selector and the computed style, about 0.1 ms each). */
export const PAUSE_EVERY_EVIDENCE = 32;

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
