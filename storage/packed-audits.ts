import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';
import { deflateSync, inflateSync } from 'fflate';

const AUDITS = 'audits';

/**
 * Each stored audit's record (`result`: facts, results, evidence; about 14 KB of JSON) is kept deflated, as
 * `packedResult` (since version 7). Chromium's IndexedDB reads a row at a cost that grows with its bytes, and faster
 * than linearly: 0.45 to 0.67 ms for an audit as an object, 0.08 ms for the same audit deflated to 2.9 KB, which
 * then inflates and parses in about 0.15 ms. An export of 10,000 audits spent most of its time in those reads.
 * The packed form is this module's own: the JSON's length, then its raw deflate (fflate).
 * Everything above this layer, Dexie's own middlewares included, sees the record as before.
 */
export interface PackedFields {
  packedResult: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The packed form: the record's JSON as UTF-8, its length first (4 bytes, little-endian), then the raw deflate. */
const LENGTH_BYTES = 4;

/** A row as it is written: its record deflated. A row without a record is written as it is. */
export function packAudit<T extends { result?: unknown }>(row: T): Omit<T, 'result'> & Partial<PackedFields> {
  if (row.result === undefined) return row;
  const { result, ...rest } = row;
  const text = encoder.encode(JSON.stringify(result));
  const deflated = deflateSync(text);
  const packed = new Uint8Array(LENGTH_BYTES + deflated.length);
  new DataView(packed.buffer).setUint32(0, text.length, true);
  packed.set(deflated, LENGTH_BYTES);
  return { ...rest, packedResult: packed };
}

/**
 * Where records are inflated, reused from one to the next and grown to the largest: letting the inflater grow its
 * own output as it goes cost 1 ms an audit in Chromium (each larger typed array a fresh allocation) against 0.07 ms
 * into a buffer that is already there.
 */
let inflated = new Uint8Array(64 * 1024);

function inflateRecord(packed: Uint8Array): string {
  const length = new DataView(packed.buffer, packed.byteOffset, packed.byteLength).getUint32(0, true);
  if (length > inflated.length) inflated = new Uint8Array(2 ** Math.ceil(Math.log2(length)));
  const out = inflateSync(packed.subarray(LENGTH_BYTES), { out: inflated });
  // A shorter inflation than the length written means damaged bytes: said, not parsed into something else.
  if (out.length !== length) throw new Error(`a stored audit record is damaged: ${out.length} bytes inflated of ${length}`);
  return decoder.decode(out);
}

/**
 * A row as it is read: its record inflated. A row written before version 7 (its record an object) is read as it
 * is; anything else that is not a packed row passes through untouched.
 */
export function unpackAudit<T>(row: T): T {
  if (row === null || typeof row !== 'object' || !((row as Partial<PackedFields>).packedResult instanceof Uint8Array)) return row;
  const { packedResult, ...rest } = row as T & PackedFields;
  return { ...rest, result: JSON.parse(inflateRecord(packedResult)) } as T;
}

/**
 * A cursor whose rows are read unpacked; each row is inflated once however often its value is read. The key and
 * primary key are passed on as getters: read through the wrapper, IndexedDB's own accessors would throw ("Illegal
 * invocation"), as they check that they are called on a real cursor.
 */
function unpackingCursor(cursor: DBCoreCursor): DBCoreCursor {
  let raw: unknown;
  let unpacked: unknown;
  return Object.create(cursor, {
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    value: {
      get() {
        if (cursor.value !== raw) {
          raw = cursor.value;
          unpacked = unpackAudit(raw);
        }
        return unpacked;
      },
    },
  }) as DBCoreCursor;
}

function packingTable(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate(request) {
      if (request.type !== 'add' && request.type !== 'put') return table.mutate(request);
      return table.mutate({ ...request, values: request.values.map(packAudit) });
    },
    get: (request) => table.get(request).then(unpackAudit),
    getMany: (request) => table.getMany(request).then((rows) => rows.map(unpackAudit)),
    query: (request) =>
      table.query(request).then((response) => (request.values ? { ...response, result: response.result.map(unpackAudit) } : response)),
    openCursor: (request) => table.openCursor(request).then((cursor) => (cursor && request.values !== false ? unpackingCursor(cursor) : cursor)),
  };
}

/**
 * The packing, at the bottom of the stack (level -3, under the chunked adds and Dexie's own middlewares), so that
 * it is the last thing a write meets and the first a read does. Upgrades included: version 7 writes every older row
 * again, packed.
 */
export const packedAuditsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'packedAudits',
  level: -3,
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        return name === AUDITS ? packingTable(table) : table;
      },
    };
  },
};
