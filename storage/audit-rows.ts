import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie';
import type { AuditResult } from '@/rules/types';
import { canonicalJson } from '@/evidence/seal/canonical';
import { sha256Hex } from '@/utils/sha256';

/** The table of history rows beside `audits`, one per audit under the same primary key. */
export const AUDIT_ROWS = 'auditRows';
/** The table of each audit's record as JSON text, for the JSON export (since version 7), under the same key. */
export const AUDIT_TEXTS = 'auditTexts';
const AUDITS = 'audits';
/** Every table kept in step with `audits`. */
const MIRRORS = [AUDIT_ROWS, AUDIT_TEXTS];

/**
 * An audit's record as the JSON export writes it, made when the audit is written: its JSON text exactly as
 * `JSON.stringify` writes the record, as a Blob (the export joins the stored Blobs without reading them, where
 * reading 10,000 records of 14 KB took over 10 s, a millisecond each, as objects or as strings alike), and the
 * SHA-256 of its canonical JSON (the export's `auditSha256`, the capture record's `auditSha256`). A record with a
 * capture or a terms document is exported from the audit itself, which its other sections need.
 */
export interface StoredAuditText {
  id: number;
  json: Blob;
  sha256: string;
  rulesetVersion: string;
  captureId?: number;
  termsDocument: boolean;
}

export function auditTextOf(audit: { result: AuditResult; captureId?: number }): Omit<StoredAuditText, 'id'> {
  const { result } = audit;
  return {
    json: new Blob([JSON.stringify(result)], { type: 'application/json' }),
    sha256: sha256Hex(canonicalJson(result)),
    rulesetVersion: result.rulesetVersion,
    ...(audit.captureId === undefined ? {} : { captureId: audit.captureId }),
    termsDocument: Boolean(result.facts?.termsDocument),
  };
}

/** An audit's row: every field but the audit record (facts, results, evidence), which the lists never show. */
export function auditRowOf<T extends { result: unknown }>(audit: T): Omit<T, 'result'> {
  const { result: _record, ...row } = audit;
  return row;
}

/**
 * Keeps `auditRows` and `auditTexts` in step with `audits` inside IndexedDB's own transaction: every write
 * transaction that takes `audits` takes them too, and each add, put (update, modify), delete and clear of audits
 * does the same to their rows and texts before the transaction commits. So every writer (the audit writer,
 * captures, imports, deletions, retention) keeps them without knowing of them, and a failed write of either aborts
 * the audit's write with it. Schema upgrades are left alone: an upgrade that changes audits rewrites them itself, as
 * versions 6 and 7 do.
 */
export const auditRowsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'auditRows',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const widened = mode === 'readwrite' && stores.includes(AUDITS);
        return down.transaction(widened ? [...new Set([...stores, ...MIRRORS])] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== AUDITS) return table;
        return {
          ...table,
          async mutate(request) {
            const response = await table.mutate(request);
            if ((request.trans as unknown as IDBTransaction).mode !== 'versionchange') {
              await mirror(down.table(AUDIT_ROWS), request, response, auditRowOf);
              await mirror(down.table(AUDIT_TEXTS), request, response, auditTextOf);
            }
            return response;
          },
        };
      },
    };
  },
};

async function mirror(
  rows: DBCoreTable,
  request: DBCoreMutateRequest,
  response: DBCoreMutateResponse,
  mirrorOf: (audit: { result: AuditResult; captureId?: number }) => object,
): Promise<void> {
  const { trans } = request;
  let answer: DBCoreMutateResponse;
  switch (request.type) {
    case 'add':
    case 'put': {
      // Only the audits actually written; an add's key is in its result, a put's in the value already.
      const written = request.values.flatMap((audit, i) =>
        i in response.failures ? [] : [{ ...mirrorOf(audit), id: response.results?.[i] ?? audit.id }],
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
