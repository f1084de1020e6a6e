import type { Locale } from '@/rules/types';
import type { LiangzhaoDatabase } from '@/storage/db';
import { runEvidenceTask } from './tasks';
import type { EvidenceTask, TaskOutcome } from './task-shapes';

/**
 * The evidence tasks in a worker of the dashboard: reading ten thousand audits out of IndexedDB, writing a CSV of a
 * hundred megabytes or checking an import costs seconds of a thread, and on the page's own thread the person's
 * clicks and the progress bar waited behind it (tasks of 80 to 100 ms, most of them IndexedDB turning stored rows
 * back into objects, and the collector's pauses). The worker has its own database connection; the page sends a
 * task and gets progress and the outcome back, a file as a Blob (passed by reference, not copied).
 */

/** Page to worker. */
export type ToWorker = { type: 'run'; id: number; task: EvidenceTask; locale: Locale } | { type: 'cancel'; id: number };

/** Worker to page. */
export type FromWorker =
  | { type: 'progress'; id: number; label: string; done: number; total: number }
  | { type: 'done'; id: number; outcome: TaskOutcome }
  /** The task could not even say why in words (its language's messages did not load). */
  | { type: 'failed'; id: number; message: string };

export type TaskProgress = (label: string, done: number, total: number) => void;

/** Runs a task wherever it runs, with its progress and a cancel. */
export type EvidenceRunner = (task: EvidenceTask, locale: Locale, onProgress: TaskProgress, signal: AbortSignal) => Promise<TaskOutcome>;

/** The side of a message channel each end sees (a worker's global scope, a Worker, a MessagePort). */
export interface TaskPort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/**
 * Progress is posted at most this often per step (besides each step's first report): an export reports every
 * audit, and the page shows progress only every 200 ms anyway (evidence/panels.ts).
 */
export const PROGRESS_POST_MS = 100;

/** The tasks run on this thread, without a worker (tests, and any page that runs them itself). */
export function inThreadRunner(db: LiangzhaoDatabase): EvidenceRunner {
  return (task, locale, onProgress, signal) => runEvidenceTask(db, task, locale, (label) => (done, total) => onProgress(label, done, total), signal);
}

/** The worker's end: answers every task the page sends, one outcome per task. */
export function serveEvidenceTasks(port: TaskPort, db: LiangzhaoDatabase, clock: () => number = () => performance.now()): void {
  const running = new Map<number, AbortController>();
  port.addEventListener('message', (event) => {
    const message = event.data as ToWorker;
    if (message.type === 'cancel') {
      running.get(message.id)?.abort();
      return;
    }
    const { id, task, locale } = message;
    const controller = new AbortController();
    running.set(id, controller);
    let lastLabel: string | null = null;
    let lastPost = 0;
    const report = (label: string) => (done: number, total: number) => {
      const at = clock();
      if (label === lastLabel && at - lastPost < PROGRESS_POST_MS) return;
      lastLabel = label;
      lastPost = at;
      port.postMessage({ type: 'progress', id, label, done, total } satisfies FromWorker);
    };
    void runEvidenceTask(db, task, locale, report, controller.signal)
      .then(
        (outcome): FromWorker => ({ type: 'done', id, outcome }),
        (error: unknown): FromWorker => ({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) }),
      )
      .then((answer) => {
        running.delete(id);
        port.postMessage(answer);
      });
  });
}

/** A worker's end that could not run at all: its script failed to load, or it died. */
export interface WorkerLike extends TaskPort {
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: MessageEvent & ErrorEvent) => void): void;
  terminate(): void;
}

/**
 * The page's end: each task goes to the worker `spawn` makes (once, at the first task), its progress comes back
 * through `onProgress`, and a cancel is sent on. A worker that fails rejects every task it had.
 */
export function workerRunner(spawn: () => WorkerLike): EvidenceRunner {
  let worker: WorkerLike | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (outcome: TaskOutcome) => void; reject: (error: Error) => void; onProgress: TaskProgress }>();
  const failAll = (error: Error) => {
    for (const task of pending.values()) task.reject(error);
    pending.clear();
    // The next task starts a fresh worker.
    worker?.terminate();
    worker = null;
  };
  const started = () => {
    if (worker) return worker;
    const spawned = spawn();
    spawned.addEventListener('message', (event) => {
      const message = event.data as FromWorker;
      const task = pending.get(message.id);
      if (!task) return;
      if (message.type === 'progress') {
        task.onProgress(message.label, message.done, message.total);
        return;
      }
      pending.delete(message.id);
      if (message.type === 'done') task.resolve(message.outcome);
      else task.reject(new Error(message.message));
    });
    spawned.addEventListener('error', (event) => failAll(new Error(event.message || 'the evidence worker stopped')));
    spawned.addEventListener('messageerror', () => failAll(new Error('the evidence worker sent a message that could not be read')));
    worker = spawned;
    return spawned;
  };
  return (task, locale, onProgress, signal) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const target = started();
      pending.set(id, { resolve, reject, onProgress });
      signal.addEventListener('abort', () => target.postMessage({ type: 'cancel', id } satisfies ToWorker), { once: true });
      target.postMessage({ type: 'run', id, task, locale } satisfies ToWorker);
    });
}
