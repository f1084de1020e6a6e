/**
 * Main-thread tasks read from a Chromium trace (`page.tracing`): what the benches report as a page's long tasks. A
 * trace records each task as the browser ran it, where a witness in the page (a message ping-pong, a timer chain)
 * only sees the gaps between its own turns, which also hold several short tasks run back to back and its own work.
 */
import type { Page } from 'puppeteer-core';

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string; frames?: Array<{ processId?: number; url?: string }> } };
}

/** The categories that hold the renderer's `RunTask` events and the script events inside them. */
export const TASK_CATEGORIES = ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'v8.execute'];

const threadOf = (event: TraceEvent) => `${event.pid}:${event.tid}`;

/**
 * The largest of `values`, 0 for none. A loop, not `Math.max(...values)`: a large page's trace holds more tasks than
 * a call takes arguments.
 */
export function longestOf(values: Iterable<number>): number {
  let longest = 0;
  for (const value of values) if (value > longest) longest = value;
  return longest;
}

/**
 * The main-thread tasks that ran the content script, in ms: a task holding one of its script events, or microtasks
 * on its thread from the script's first event on (the bench pages run no script of their own by then, so a promise
 * continuation there is the audit's; the parser's microtask checkpoints before it are the page's load). `from`: only
 * the tasks that start then or later (trace clock, µs).
 */
export function extensionTasks(events: readonly TraceEvent[], from = Number.NEGATIVE_INFINITY): number[] {
  const isScript = (event: TraceEvent) => event.ph === 'X' && event.args?.data?.url?.includes('/content-scripts/') === true;
  const scriptEvents = events.filter(isScript);
  const scriptThreads = new Set(scriptEvents.map(threadOf));
  const firstScript = scriptEvents.reduce((first, event) => Math.min(first, event.ts), Number.POSITIVE_INFINITY);
  const marks = events
    .filter((event) => scriptThreads.has(threadOf(event)) && (isScript(event) || (event.ph === 'X' && event.name === 'RunMicrotasks' && event.ts >= firstScript)))
    .map((event) => ({ thread: threadOf(event), ts: event.ts }))
    .sort((a, b) => a.ts - b.ts);
  const tasks = events
    .filter((event) => event.ph === 'X' && event.name === 'RunTask' && event.ts >= from && scriptThreads.has(threadOf(event)))
    .sort((a, b) => a.ts - b.ts);
  // Both lists are in time order: one walk pairs each task with the marks inside it.
  const durations: number[] = [];
  let next = 0;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const thread = threadOf(task);
    while (next < marks.length && marks[next].ts < task.ts) next++;
    for (let i = next; i < marks.length && marks[i].ts < end; i++) {
      if (marks[i].thread !== thread) continue;
      durations.push((task.dur ?? 0) / 1000);
      break;
    }
  }
  return durations;
}

/**
 * Every task of the main thread of the renderer that shows `url`, in ms: the process the trace's start names for a
 * frame of that address. Where the trace names none, the main threads of every renderer, which can only add tasks.
 */
export function pageMainThreadTasks(events: readonly TraceEvent[], url: string): number[] {
  const pids = new Set(
    events
      .filter((event) => event.name === 'TracingStartedInBrowser')
      .flatMap((event) => event.args?.data?.frames ?? [])
      .filter((frame) => frame.url === url && frame.processId !== undefined)
      .map((frame) => frame.processId!),
  );
  const mains = new Set(
    events
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain' && (pids.size === 0 || pids.has(event.pid)))
      .map(threadOf),
  );
  return events.filter((event) => event.ph === 'X' && event.name === 'RunTask' && mains.has(threadOf(event))).map((event) => (event.dur ?? 0) / 1000);
}

/** When the page's main frame fired its load event, on the trace clock (µs): the last frame to load is the page. */
export function loadEventAt(events: readonly TraceEvent[]): number | null {
  const loads = events.filter((event) => event.name === 'loadEventStart').map((event) => event.ts);
  return loads.length ? Math.max(...loads) : null;
}

/** Runs `act` under a trace of the page and returns its result with the trace's events; the trace stops either way. */
export async function traced<T>(page: Page, act: () => Promise<T>, categories = TASK_CATEGORIES): Promise<{ result: T; events: TraceEvent[] }> {
  await page.tracing.start({ categories });
  const outcome = await act().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  const trace = await page.tracing.stop();
  if (!outcome.ok) throw outcome.error;
  return { result: outcome.value, events: JSON.parse(Buffer.from(trace ?? []).toString('utf8')).traceEvents as TraceEvent[] };
}
