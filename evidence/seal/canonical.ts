/**
 * Canonical JSON for hashing: object keys sorted by UTF-16 code units, no whitespace, strings and numbers written as
 * `JSON.stringify` writes them (RFC 8785 / JCS for the data Liangzhao stores). It follows JSON's own rules for what
 * JSON cannot hold (`undefined` members dropped, `undefined` in arrays and non-finite numbers become `null`,
 * `toJSON` honoured), so a record hashes the same before and after a JSON round trip through an export file.
 */
export function canonicalJson(value: unknown): string {
  const out = sortedStringify(value) ?? write(value);
  if (out === undefined) throw new TypeError('canonicalJson: the value has no JSON form');
  return out;
}

/** An array index as a property name: JavaScript lists such keys first, in numeric order, whatever order they were set in. */
const INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/;

/**
 * The fast path: the engine's own `JSON.stringify` (escaping, numbers, `toJSON`, dropped members) with each object's
 * keys put in code-unit order by the replacer. About ten times quicker than `write` on an audit, and the same text;
 * null when an object has index-like keys out of order (`{"10":…,"9":…}`), whose order no object can be given, so
 * the caller falls back to `write`.
 */
function sortedStringify(value: unknown): string | undefined | null {
  let unorderable = false;
  const out = JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const keys = Object.keys(item);
    let ordered = true;
    for (let i = 1; i < keys.length && ordered; i++) ordered = keys[i - 1] < keys[i];
    if (ordered) return item;
    keys.sort(compareCodeUnits);
    const copy: Record<string, unknown> = {};
    for (const key of keys) {
      if (INDEX_KEY.test(key)) unorderable = true;
      copy[key] = (item as Record<string, unknown>)[key];
    }
    return copy;
  });
  return unorderable ? null : out;
}

function write(value: unknown): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('canonicalJson: BigInt has no JSON form');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((item) => write(item) ?? 'null').join(',')}]`;
  const object = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(object).sort(compareCodeUnits)) {
    const member = write(object[key]);
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`);
  }
  return `{${members.join(',')}}`;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
