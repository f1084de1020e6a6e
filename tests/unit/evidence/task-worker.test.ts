import { afterEach, describe, expect, it } from 'vitest';
import { LiangzhaoDatabase, toStoredAudit } from '@/storage/db';
import { inThreadRunner, PROGRESS_POST_MS, serveEvidenceTasks, workerRunner, type TaskPort, type WorkerLike } from '@/evidence/task-worker';
import { createEvidenceModel } from '@/evidence/panels';
import type { ExportFile } from '@/evidence/export/files';
import { hostileAudit, sampleAudit } from './helpers';

const databases: LiangzhaoDatabase[] = [];
const channels: MessageChannel[] = [];
afterEach(async () => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
  for (const db of databases.splice(0)) await db.delete();
});

async function profileWith(count: number): Promise<LiangzhaoDatabase> {
  const db = new LiangzhaoDatabase(`tasks-${Math.random()}`);
  databases.push(db);
  const audits = Array.from({ length: count }, (_, i) => ({ ...(i % 2 ? hostileAudit() : sampleAudit()), auditedAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString() }));
  await db.audits.bulkAdd(audits.map((audit) => toStoredAudit(audit)));
  return db;
}

/** A worker's two ends as a real message channel: what crosses it is structured-cloned, as between threads. */
function workerOn(db: LiangzhaoDatabase, clock?: () => number): WorkerLike & { terminated: boolean } {
  const channel = new MessageChannel();
  channels.push(channel);
  serveEvidenceTasks(channel.port2 as unknown as TaskPort, db, clock);
  channel.port2.start();
  const page = channel.port1;
  page.start();
  return Object.assign(page as unknown as WorkerLike, {
    terminated: false,
    terminate() {
      this.terminated = true;
    },
  });
}

function modelWith(runner: ReturnType<typeof inThreadRunner>) {
  const saved: ExportFile[] = [];
  const model = createEvidenceModel({ runner, extensionVersion: '0.1.0', nowIso: () => '2026-12-04T10:00:00.000+08:00', save: (file) => saved.push(file) });
  return { model, saved };
}

describe('the evidence tasks in a worker', () => {
  it('exports through the worker the same CSV as on the page, and saves it as a download', async () => {
    const db = await profileWith(3);
    const inWorker = modelWith(workerRunner(() => workerOn(db)));
    const inPage = modelWith(inThreadRunner(db));
    await inWorker.model.exportAs('csv', { kind: 'all' }, 'zh_CN');
    await inPage.model.exportAs('csv', { kind: 'all' }, 'zh_CN');
    expect(inWorker.model.notice.value).toEqual({ ok: true, text: expect.stringContaining('3') });
    expect(inWorker.model.notice.value).toEqual(inPage.model.notice.value);
    expect(inWorker.saved.map((file) => file.name)).toEqual(inPage.saved.map((file) => file.name));
    const csv = await inWorker.saved[0].blob.text();
    expect(csv).toBe(await inPage.saved[0].blob.text());
    // Page text stays text: the hostile audit's formula is defused in the file the worker wrote.
    expect(csv).toContain("'=HYPERLINK");
  });

  it('says there is nothing to export, in the chosen language, and saves no file', async () => {
    const db = await profileWith(0);
    const { model, saved } = modelWith(workerRunner(() => workerOn(db)));
    await model.exportAs('json', { kind: 'all' }, 'en');
    expect(model.notice.value).toEqual({ ok: false, text: 'There are no audits to export.' });
    expect(saved).toEqual([]);
  });

  it('imports a file passed to the worker, and the audits are in the page’s database', async () => {
    const source = await profileWith(2);
    const exporter = modelWith(inThreadRunner(source));
    await exporter.model.exportAs('json', { kind: 'all' }, 'en');
    const target = await profileWith(0);
    const { model } = modelWith(workerRunner(() => workerOn(target)));
    await model.importFile(exporter.saved[0].blob, 'en');
    expect(model.notice.value?.ok).toBe(true);
    expect(await target.audits.count()).toBe(2);
  });

  it('reports progress at most every PROGRESS_POST_MS per step, with each step’s first report at once', async () => {
    const db = await profileWith(6);
    let now = 0;
    const seen: Array<[string, number, number]> = [];
    // Every report of the task is one clock reading; the clock moves on by a third of the interval each time.
    const run = workerRunner(() => workerOn(db, () => (now += PROGRESS_POST_MS / 3)));
    const outcome = await run({ kind: 'verify-chain' }, 'en', (label, done, total) => seen.push([label, done, total]), new AbortController().signal);
    expect(outcome.notice.ok).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]).toEqual(['Verifying', 0, 0]);
    const run2 = workerRunner(() => workerOn(db, () => (now += PROGRESS_POST_MS / 3)));
    const exported: Array<[string, number, number]> = [];
    await run2(
      { kind: 'export', format: 'csv', scope: { kind: 'all' }, exportedAt: '2026-12-04T10:00:00.000+08:00', extensionVersion: '0.1.0' },
      'en',
      (label, done, total) => exported.push([label, done, total]),
      new AbortController().signal,
    );
    // Seven reports (0 to 6 of 6), a third of the interval apart: the first, then every third.
    expect(exported.map(([, done]) => done)).toEqual([0, 3, 6]);
  });

  it('cancels a running task and says so', async () => {
    const db = await profileWith(40);
    const { model, saved } = modelWith(workerRunner(() => workerOn(db)));
    const running = model.exportAs('json', { kind: 'all' }, 'en');
    model.cancel();
    await running;
    expect(model.notice.value).toEqual({ ok: false, text: 'Cancelled; no file was saved.' });
    expect(saved).toEqual([]);
    expect(model.busy()).toBe(false);
  });

  it('fails every task of a worker that died, and starts a fresh one for the next task', async () => {
    const db = await profileWith(1);
    let spawned = 0;
    let dying: (WorkerLike & { terminated: boolean; die: () => void }) | null = null;
    const { model } = modelWith(
      workerRunner(() => {
        spawned++;
        if (spawned > 1) return workerOn(db);
        const listeners: Array<(event: MessageEvent & ErrorEvent) => void> = [];
        dying = {
          terminated: false,
          postMessage: () => setTimeout(() => dying!.die()),
          addEventListener: (type, listener) => void (type === 'error' && listeners.push(listener)),
          terminate() {
            this.terminated = true;
          },
          die: () => listeners.forEach((listener) => listener({ message: 'worker script failed to load' } as MessageEvent & ErrorEvent)),
        };
        return dying;
      }),
    );
    await model.exportAs('csv', { kind: 'all' }, 'en');
    expect(model.notice.value).toEqual({ ok: false, text: expect.stringContaining('worker script failed to load') });
    expect(dying!.terminated).toBe(true);
    await model.exportAs('csv', { kind: 'all' }, 'en');
    expect(model.notice.value?.ok).toBe(true);
    expect(spawned).toBe(2);
  });
});
