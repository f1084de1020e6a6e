import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * The layout's import rules (.dependency-cruiser.cjs) and, beyond what dependency-cruiser checks, no cycle between
 * folders: a folder may use its ancestors' shared pieces, but two folders that are not one inside the other never
 * import each other, directly or round a loop.
 */
const ROOTS = ['entrypoints', 'components', 'rules', 'storage', 'messaging', 'evidence', 'i18n', 'utils', 'cli', 'modules', 'tests'];

interface Cruised {
  modules: Array<{ source: string; dependencies: Array<{ resolved: string; coreModule: boolean; couldNotResolve: boolean }> }>;
  summary: { violations: Array<{ from: string; to: string; rule: { name: string } }> };
}

const cruised: Cruised = JSON.parse(
  execFileSync('npx', ['depcruise', '--config', '.dependency-cruiser.cjs', '--output-type', 'json', ...ROOTS], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  }),
);

const folderOf = (path: string) => path.slice(0, path.lastIndexOf('/'));
const nested = (a: string, b: string) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);

/** Every cycle in the folder graph, each as the list of folders round it. */
function folderCycles(): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const module of cruised.modules) {
    if (module.source.startsWith('node_modules/')) continue;
    const from = folderOf(module.source);
    for (const dependency of module.dependencies) {
      if (dependency.coreModule || dependency.couldNotResolve || dependency.resolved.startsWith('node_modules/')) continue;
      const to = folderOf(dependency.resolved);
      if (nested(from, to)) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
    }
  }
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (folder: string) => {
    state.set(folder, 'open');
    path.push(folder);
    for (const next of edges.get(folder) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(folder, 'done');
  };
  for (const folder of edges.keys()) if (!state.has(folder)) visit(folder);
  return cycles;
}

describe('layout', () => {
  it('keeps every import rule: no file cycle, a pure engine, domain-free utils, components without I/O, nothing importing tests', () => {
    expect(cruised.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });

  it('has no cycle between folders', () => {
    expect(folderCycles().map((cycle) => cycle.join(' → '))).toEqual([]);
  });
});
