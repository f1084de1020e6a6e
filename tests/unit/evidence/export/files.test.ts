import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeExport, type ExportFormat } from '@/evidence/export/files';
import { createYielder, QUEUED_YIELD_MS, SLICE_MS } from '@/utils/yield';
import { parseJsonImport } from '@/evidence/export/json';
import type { EntrySource } from '@/evidence/export/source';
import { captureOf, sampleAudit } from '../helpers';

const OPTIONS = { locale: 'en' as const, exportedAt: '2026-11-28T21:05:00.000+08:00', extensionVersion: '0.1.0' };

async function text(blob: Blob): Promise<string> {
  return blob.text();
}

describe('makeExport', () => {
  it.each<[ExportFormat, string, string]>([
    ['json', 'liangzhao-shop.example.cn-20261128-2105.json', 'application/json'],
    ['csv', 'liangzhao-shop.example.cn-20261128-2105.csv', 'text/csv;charset=utf-8'],
    ['html', 'liangzhao-shop.example.cn-20261128-2105.html', 'text/html;charset=utf-8'],
    ['zip', 'liangzhao-shop.example.cn-20261128-2105.zip', 'application/zip'],
  ])('names a %s export of one audit after its site and time', async (format, name, type) => {
    const audit = sampleAudit();
    const file = await makeExport(format, [{ audit, capture: await captureOf(audit, null) }], OPTIONS);
    expect(file.name).toBe(name);
    expect(file.blob.type).toBe(type);
    if (format === 'html') expect(await file.blob.text()).toContain(`<title>Online disclosure inspection record — ${audit.title}</title>`);
  });

  it('puts several audits in one file of each format', async () => {
    const entries = [{ audit: sampleAudit() }, { audit: { ...sampleAudit(), url: 'https://b.example/' } }];
    const html = await makeExport('html', entries, OPTIONS);
    expect(html.name).toBe('liangzhao-2-audits-20261128-2105.html');
    expect((await text(html.blob)).match(/<main>/g)).toHaveLength(2);
    const zip = await makeExport('zip', entries, OPTIONS);
    const files = unzipSync(new Uint8Array(await zip.blob.arrayBuffer()));
    expect(JSON.parse(strFromU8(files['manifest.json'])).audits).toHaveLength(2);
  });

  it('reads the audits one at a time and skips one deleted while the export ran', async () => {
    const reads: number[] = [];
    const source: EntrySource = {
      length: 3,
      get: async (index) => {
        reads.push(index);
        return index === 1 ? null : { audit: { ...sampleAudit(), url: `https://shop.example.cn/${index}` } };
      },
    };
    const parsed = await parseJsonImport(await text((await makeExport('json', source, OPTIONS)).blob));
    expect(reads).toEqual([0, 1, 2]);
    expect(parsed.ok && parsed.entries.map((e) => e.url)).toEqual(['https://shop.example.cn/0', 'https://shop.example.cn/2']);
    const csv = await text((await makeExport('csv', source, OPTIONS)).blob);
    expect(csv).toContain('https://shop.example.cn/2');
    expect(csv).not.toContain('https://shop.example.cn/1');
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const source: EntrySource = {
      length: 5,
      get: async (index) => {
        if (index === 2) controller.abort();
        return { audit: sampleAudit() };
      },
    };
    for (const format of ['json', 'csv', 'zip', 'html'] as const) {
      await expect(makeExport(format, source, { ...OPTIONS, signal: controller.signal })).rejects.toThrow();
    }
  });
});

describe('chunked work', () => {
  it('gives the thread back once a slice has run its time, and not before', async () => {
    let now = 0;
    const yieldNow = createYielder(undefined, () => now);
    const order: string[] = [];
    // Other work already queued as a task (as input events are) runs before the slice goes on.
    const channel = new MessageChannel();
    const timer = new Promise<void>((resolve) => {
      channel.port1.onmessage = () => (order.push('timer'), channel.port1.close(), resolve());
    });
    channel.port2.postMessage(null);
    now = 5;
    await yieldNow();
    order.push('within slice');
    now = 20;
    await yieldNow();
    order.push('after yield');
    await timer;
    expect(order).toEqual(['within slice', 'timer', 'after yield']);
  });

  it('lets tasks already queued run at least every QUEUED_YIELD_MS even where scheduler.yield() continues ahead of them', async () => {
    const global = globalThis as { scheduler?: unknown };
    const original = global.scheduler;
    // A continuation that always runs first, as Chromium's does ahead of queued tasks of the same priority.
    global.scheduler = { yield: () => Promise.resolve() };
    try {
      let now = 0;
      const yieldNow = createYielder(undefined, () => now);
      let queuedRan = false;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => ((queuedRan = true), channel.port1.close());
      channel.port2.postMessage(null);
      now = SLICE_MS;
      await yieldNow();
      expect(queuedRan).toBe(false);
      now = QUEUED_YIELD_MS;
      await yieldNow();
      expect(queuedRan).toBe(true);
    } finally {
      global.scheduler = original;
    }
  });
});
