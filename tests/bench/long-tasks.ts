/**
 * What a trace's long tasks were made of: `node --import tsx tests/bench/long-tasks.ts TRACE.json [--over MS]`
 * prints each renderer main-thread task over the line (50 ms by default), with its thread time, its garbage collections
 * and the functions the sampling profiler found running most (self time), from a trace `exports.ts --trace` wrote.
 */
import { readFileSync } from 'node:fs';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread time: how long the thread actually ran (a task can be long because the machine did not run it). */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export function longTasks(events: readonly TraceEvent[], overMs = 50) {
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const isMain = (e: TraceEvent) => mains.some((m) => m.pid === e.pid && m.tid === e.tid);
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && isMain(e) && (e.dur ?? 0) > overMs * 1000);
  // The sampling profiler: nodes and samples arrive in chunks, with time deltas between samples.
  const nodes = new Map<number, ProfileNode>();
  const samples: Array<{ ts: number; node: number; pid: number; tid: number }> = [];
  const clock = new Map<string, number>();
  // A profile's chunks come from the sampler's thread; the profile itself is announced on the thread it samples.
  const sampledThread = new Map<string, number>();
  for (const e of events) {
    if (e.name === 'Profile') {
      clock.set(`${e.pid}:${e.id}`, (e.args?.data?.startTime as number) ?? e.ts);
      sampledThread.set(`${e.pid}:${e.id}`, e.tid);
    }
    if (e.name !== 'ProfileChunk') continue;
    const data = e.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    let ts = clock.get(`${e.pid}:${e.id}`) ?? e.ts;
    for (const [i, node] of (data.cpuProfile?.samples ?? []).entries()) {
      ts += data.timeDeltas?.[i] ?? 0;
      samples.push({ ts, node, pid: e.pid, tid: sampledThread.get(`${e.pid}:${e.id}`) ?? e.tid });
    }
    clock.set(`${e.pid}:${e.id}`, ts);
  }
  return tasks.map((task) => {
    const end = task.ts + (task.dur ?? 0);
    const inside = (e: TraceEvent) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts < end;
    const gc = events.filter((e) => e.ph === 'X' && inside(e) && /^(MinorGC|MajorGC|V8\.GC_SCAVENGER|V8\.GC_MARK_COMPACTOR|V8\.GCFinalizeMC)$/.test(e.name));
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    const nameOf = (node: ProfileNode | undefined) => {
      const frame = node?.callFrame;
      return frame ? `${frame.functionName || '(anonymous)'} ${(frame.url ?? '').split('/').pop()}:${frame.lineNumber}` : '?';
    };
    for (const sample of samples) {
      // The page's thread only: the extension's service worker runs in the same process.
      if (sample.pid !== task.pid || sample.tid !== task.tid || sample.ts < task.ts || sample.ts >= end) continue;
      const key = nameOf(nodes.get(sample.node));
      self.set(key, (self.get(key) ?? 0) + 1);
      // Total time: every function on the sample's stack, once.
      const seen = new Set<string>();
      for (let node = nodes.get(sample.node); node; node = node.parent === undefined ? undefined : nodes.get(node.parent)) seen.add(nameOf(node));
      for (const name of seen) total.set(name, (total.get(name) ?? 0) + 1);
    }
    const children = events.filter((e) => e.ph === 'X' && inside(e) && e !== task && (e.dur ?? 0) > 5000 && !gc.includes(e));
    return {
      ms: Math.round((task.dur ?? 0) / 1000),
      cpuMs: task.tdur === undefined ? null : Math.round(task.tdur / 1000),
      gc: gc.map((e) => `${e.name} ${Math.round((e.dur ?? 0) / 1000)} ms`),
      events: children.map((e) => `${e.name} ${Math.round((e.dur ?? 0) / 1000)} ms`).slice(0, 8),
      topSelf: [...self].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name, count]) => `${name} ×${count}`),
      topTotal: [...total].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([name, count]) => `${name} ×${count}`),
    };
  });
}

if (process.argv[1]?.endsWith('bench/long-tasks.ts')) {
  const file = process.argv[2];
  const overAt = process.argv.indexOf('--over');
  const trace = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  for (const task of longTasks(events, overAt >= 0 ? Number(process.argv[overAt + 1]) : 50)) console.log(JSON.stringify(task, null, 1));
}
