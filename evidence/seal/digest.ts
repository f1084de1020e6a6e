/** SHA-256 through Web Crypto (`crypto.subtle`): the same code in the extension, in Node 20 and in the CLI. */

const encoder = new TextEncoder();

export type Digestible = string | Uint8Array | ArrayBuffer | Blob;

/** Lower-case hex SHA-256 of the bytes (strings are hashed as UTF-8). */
export async function sha256Hex(input: Digestible): Promise<string> {
  const bytes = await toBytes(input);
  const hash = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return toHex(new Uint8Array(hash));
}

async function toBytes(input: Digestible): Promise<Uint8Array> {
  if (typeof input === 'string') return encoder.encode(input);
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  return new Uint8Array(await input.arrayBuffer());
}

function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

const SHA256_PATTERN = /^[0-9a-f]{64}$/;

export function isSha256(value: unknown): value is string {
  return typeof value === 'string' && SHA256_PATTERN.test(value);
}
