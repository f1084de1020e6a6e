import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, Middleware } from 'dexie';

/**
 * How many values one task hands IndexedDB when a bulk add is split. IndexedDB copies each value (structured clone)
 * in the task that adds it, and a stored audit took 1 to 3 ms to copy on a loaded machine: a `bulkAdd` of 50 audits
 * was one task of 50 to 160 ms.
 */
export const ADD_CHUNK = 8;

/**
 * Bulk adds of more than ADD_CHUNK values go to IndexedDB a chunk at a time, each chunk issued when the one before
 * has been written (in that request's own success event, so the transaction stays active and every chunk is its own
 * task). It sits below Dexie's own middlewares (level -2), which still see one write of all the values: in
 * particular Dexie's live-query tracking records a write of 50 or more values as "the table changed" instead of
 * every key of every index, which at the end of a 2,000-audit import was one task of 180 ms.
 */
export const chunkedAddsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'chunkedAdds',
  level: -2,
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate(request) {
            if (request.type !== 'add' || request.values.length <= ADD_CHUNK) return table.mutate(request);
            return addInChunks(request, (chunk) => table.mutate(chunk));
          },
        };
      },
    };
  },
};

/**
 * One add after another, `ADD_CHUNK` values each, answered as the single add would have been. Chained with the
 * returned promises' own `then`, not `await`: Dexie's promises carry its transaction context to the next step (the
 * middlewares above read it once this resolves), which a native `await` loses.
 */
export function addInChunks(
  request: Extract<DBCoreMutateRequest, { type: 'add' }>,
  mutate: (chunk: Extract<DBCoreMutateRequest, { type: 'add' }>) => Promise<DBCoreMutateResponse>,
): Promise<DBCoreMutateResponse> {
  const answer: DBCoreMutateResponse = { numFailures: 0, failures: {}, results: [], lastResult: undefined };
  const addFrom = (start: number): Promise<DBCoreMutateResponse> => {
    const end = start + ADD_CHUNK;
    const chunk = { ...request, values: request.values.slice(start, end), ...(request.keys ? { keys: request.keys.slice(start, end) } : {}) };
    return mutate(chunk).then((part) => {
      answer.numFailures += part.numFailures;
      for (const [at, error] of Object.entries(part.failures)) answer.failures[start + Number(at)] = error;
      answer.results!.push(...(part.results ?? []));
      answer.lastResult = part.lastResult;
      return end < request.values.length ? addFrom(end) : answer;
    });
  };
  return addFrom(0);
}
