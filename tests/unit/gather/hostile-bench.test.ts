import { describe, expect, it } from 'vitest';
import { extensionTasks, pageMainThreadTasks } from '../../bench/trace';

const SCRIPT = 'chrome-extension://abc/content-scripts/content.js';
const task = (ts: number, durMs: number, tid = 1) => ({ name: 'RunTask', ph: 'X', pid: 1, tid, ts, dur: durMs * 1000 });
const event = (name: string, ts: number, url?: string, tid = 1) => ({ name, ph: 'X', pid: 1, tid, ts, dur: 10, args: url ? { data: { url } } : {} });

describe("the hostile-page bench's share of the extension", () => {
  it("counts the tasks that ran the content script or microtasks, on the content script's thread only", () => {
    const events = [
      task(-200_000, 150), // the parser's task, with a microtask checkpoint, before the content script ran
      event('RunMicrotasks', -100_000),
      task(0, 75), // the content script evaluated
      event('EvaluateScript', 10, SCRIPT),
      task(100_000, 300), // the browser laying out the page: not the extension's
      event('Layout', 100_010),
      task(500_000, 30), // an audit slice in a promise continuation
      event('RunMicrotasks', 500_005),
      task(600_000, 40, 2), // microtasks of another thread (a worker): not the tab's
      event('RunMicrotasks', 600_005, undefined, 2),
      task(700_000, 12), // a message to the content script
      event('FunctionCall', 700_001, SCRIPT),
    ];
    expect(extensionTasks(events)).toEqual([75, 30, 12]);
  });

  it('finds nothing where the content script never ran', () => {
    expect(extensionTasks([task(0, 80), event('RunMicrotasks', 10)])).toEqual([]);
  });
});

describe("the engine bench's page tasks", () => {
  const URL = 'file:///bench/page.html';
  const thread = (pid: number, tid: number, name: string) => ({ name: 'thread_name', ph: 'M', pid, tid, ts: 0, args: { name } });
  const started = (frames: Array<{ processId: number; url: string }>) => ({ name: 'TracingStartedInBrowser', ph: 'I', pid: 9, tid: 9, ts: 0, args: { data: { frames } } });
  const runTask = (pid: number, tid: number, durMs: number) => ({ name: 'RunTask', ph: 'X', pid, tid, ts: 1, dur: durMs * 1000 });

  it("counts every task of the main thread of the page's renderer, and no other thread's", () => {
    const events = [
      started([{ processId: 2, url: URL }, { processId: 3, url: 'chrome://newtab/' }]),
      thread(2, 20, 'CrRendererMain'),
      thread(2, 21, 'Compositor'),
      thread(3, 30, 'CrRendererMain'),
      runTask(2, 20, 42),
      runTask(2, 21, 90), // the compositor thread of the same process
      runTask(3, 30, 70), // another page's renderer
      runTask(2, 20, 8),
    ];
    expect(pageMainThreadTasks(events, URL)).toEqual([42, 8]);
  });

  it("reads every renderer's main thread when the trace names no frame of the page", () => {
    const events = [thread(2, 20, 'CrRendererMain'), thread(3, 30, 'CrRendererMain'), runTask(2, 20, 42), runTask(3, 30, 70)];
    expect(pageMainThreadTasks(events, URL)).toEqual([42, 70]);
  });
});
