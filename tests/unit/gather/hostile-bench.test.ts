import { describe, expect, it } from 'vitest';
import { extensionTasks } from '../../bench/hostile';

const SCRIPT = 'chrome-extension://abc/content-scripts/content.js';
const task = (ts: number, durMs: number, tid = 1) => ({ name: 'RunTask', ph: 'X', pid: 1, tid, ts, dur: durMs * 1000 });
const event = (name: string, ts: number, url?: string, tid = 1) => ({ name, ph: 'X', pid: 1, tid, ts, dur: 10, args: url ? { data: { url } } : {} });

describe("the hostile-page bench's share of the extension", () => {
  it("counts the tasks that ran the content script or microtasks, on the content script's thread only", () => {
    const events = [
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
