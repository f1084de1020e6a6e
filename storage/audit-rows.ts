import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie';

/** The table of history rows beside `audits`, one per audit under the same primary key. */
export const AUDIT_ROWS = 'auditRows';
const AUDITS = 'audits';

/** An audit's row: every field but the audit record (facts, results, evidence), which the lists never show. */
export function auditRowOf<T extends { result: unknown }>(audit: T): Omit<T, 'result'> {
  const { result: _record, ...row } = audit;
  return row;
}

/**
 * Keeps `auditRows` in step with `audits` inside IndexedDB's own transaction: every write transaction that takes
 * `audits` takes `auditRows` too, and each add, put (update, modify), delete and clear of audits does the same to
 * their rows before the transaction commits. So every writer (the audit writer, captures, imports, deletions,
 * retention) keeps the rows without knowing of them, and a failed row write aborts the audit's write with it.
 * Schema upgrades are left alone: an upgrade that changes audits rewrites their rows itself, as version 6 does.
 */
export const auditRowsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'auditRows',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const widened = mode === 'readwrite' && stores.includes(AUDITS) && !stores.includes(AUDIT_ROWS);
        return down.transaction(widened ? [...stores, AUDIT_ROWS] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== AUDITS) return table;
        return {
          ...table,
          async mutate(request) {
            const response = await table.mutate(request);
            if ((request.trans as unknown as IDBTransaction).mode !== 'versionchange') {
              await mirror(down.table(AUDIT_ROWS), request, response);
            }
            return response;
          },
        };
      },
    };
  },
};

async function mirror(rows: DBCoreTable, request: DBCoreMutateRequest, response: DBCoreMutateResponse): Promise<void> {
  const { trans } = request;
  let answer: DBCoreMutateResponse;
  switch (request.type) {
    case 'add':
    case 'put': {
      // Only the audits actually written; an add's key is in its result, a put's in the value already.
      const written = request.values.flatMap((audit, i) =>
        i in response.failures ? [] : [{ ...auditRowOf(audit), id: response.results?.[i] ?? audit.id }],
      );
      if (written.length === 0) return;
      answer = await rows.mutate({ trans, type: 'put', values: written });
      break;
    }
    case 'delete':
      answer = await rows.mutate({ trans, type: 'delete', keys: request.keys });
      break;
    case 'deleteRange':
      answer = await rows.mutate({ trans, type: 'deleteRange', range: request.range });
      break;
  }
  if (answer.numFailures > 0) throw Object.values(answer.failures)[0];
}
