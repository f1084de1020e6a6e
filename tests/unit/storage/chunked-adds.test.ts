import Dexie, { type DBCoreMutateRequest, type DBCoreMutateResponse } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LiangzhaoDatabase, toStoredAudit } from '@/storage/db';
import { ADD_CHUNK, addInChunks } from '@/storage/chunked-adds';
import { audit } from '../../support/fixtures';

type AddRequest = Extract<DBCoreMutateRequest, { type: 'add' }>;

const opened: LiangzhaoDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

describe('addInChunks', () => {
  it('adds ADD_CHUNK values at a time, one after another, and answers as one add', async () => {
    const values = Array.from({ length: ADD_CHUNK * 2 + 3 }, (_, i) => ({ n: i }));
    const chunks: number[][] = [];
    let inFlight = 0;
    const answer = await addInChunks({ type: 'add', trans: {} as AddRequest['trans'], values }, async (chunk) => {
      expect(inFlight).toBe(0);
      inFlight++;
      chunks.push(chunk.values.map((v: { n: number }) => v.n));
      await Promise.resolve();
      inFlight--;
      return { numFailures: 0, failures: {}, results: chunk.values.map((v: { n: number }) => v.n + 100), lastResult: chunk.values.at(-1).n + 100 };
    });
    expect(chunks.map((chunk) => chunk.length)).toEqual([ADD_CHUNK, ADD_CHUNK, 3]);
    expect(chunks.flat()).toEqual(values.map((v) => v.n));
    expect(answer).toEqual({ numFailures: 0, failures: {}, results: values.map((v) => v.n + 100), lastResult: values.length - 1 + 100 });
  });

  it('numbers a failure by its place in the whole add, and passes each chunk its own keys', async () => {
    const values = Array.from({ length: ADD_CHUNK + 2 }, (_, i) => i);
    const keys = values.map((v) => `k${v}`);
    const error = new Error('ConstraintError');
    const answer = await addInChunks({ type: 'add', trans: {} as AddRequest['trans'], values, keys }, async (chunk): Promise<DBCoreMutateResponse> => {
      expect(chunk.keys).toEqual(chunk.values.map((v: number) => `k${v}`));
      const failing = chunk.values.indexOf(ADD_CHUNK + 1);
      return failing < 0
        ? { numFailures: 0, failures: {}, results: chunk.keys!, lastResult: chunk.keys!.at(-1) }
        : { numFailures: 1, failures: { [failing]: error }, results: chunk.keys!.map((k, i) => (i === failing ? undefined : k)), lastResult: chunk.keys!.at(-1) };
    });
    expect(answer.numFailures).toBe(1);
    expect(answer.failures).toEqual({ [ADD_CHUNK + 1]: error });
    expect(answer.results).toEqual([...keys.slice(0, -1), undefined]);
  });
});

describe('bulk adds through the database', () => {
  it('stores every audit of a large bulkAdd with its row, keys in order, in one transaction', async () => {
    const db = new LiangzhaoDatabase(`chunked-${Math.random()}`);
    opened.push(db);
    const audits = Array.from({ length: ADD_CHUNK * 5 + 1 }, (_, i) =>
      toStoredAudit(audit({ url: `https://shop.example.cn/${i}`, auditedAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString() })),
    );
    const ids = await db.audits.bulkAdd(audits, { allKeys: true });
    expect(ids).toEqual(audits.map((_, i) => i + 1));
    expect((await db.audits.toArray()).map((a) => a.url)).toEqual(audits.map((a) => a.url));
    expect(await db.auditRows.count()).toBe(audits.length);
  });

  it('rolls back every chunk when the transaction fails after them', async () => {
    const db = new LiangzhaoDatabase(`chunked-${Math.random()}`);
    opened.push(db);
    const audits = Array.from({ length: ADD_CHUNK * 3 }, (_, i) => toStoredAudit(audit({ url: `https://shop.example.cn/${i}` })));
    await expect(
      db.transaction('rw', db.audits, async () => {
        await db.audits.bulkAdd(audits);
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await db.audits.count()).toBe(0);
    expect(await db.auditRows.count()).toBe(0);
  });
});
