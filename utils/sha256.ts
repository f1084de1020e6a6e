/**
 * SHA-256 of a string's UTF-8 bytes, synchronously (FIPS 180-4). Web Crypto's digest is asynchronous, and the
 * engine's audit is one synchronous pass in Node and in the page; the digest it needs names a version of a text.
 */
import { runSteps, type Steps } from './yield';

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

/** Characters encoded at a time: a long part is hashed in pieces, so no step encodes a megabyte at once. */
const CHARS_PER_PIECE = 16_384;
/** Bytes hashed between two pauses: about a millisecond. */
const BYTES_PER_STEP = 65_536;

const INITIAL_HASH = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

export function sha256Hex(text: string): string {
  return runSteps(sha256Steps([text]));
}

/**
 * SHA-256 of the UTF-8 of `parts.join(separator)`, without building the joined text or its bytes whole: each part
 * is encoded in pieces and hashed as it comes, pausing every BYTES_PER_STEP bytes (a long agreement is a megabyte).
 */
export function* sha256Steps(parts: readonly string[], separator = ''): Steps<string> {
  const state = new Sha256();
  const encoder = new TextEncoder();
  let sincePause = 0;
  for (const [index, part] of parts.entries()) {
    const text = index > 0 ? separator + part : part;
    for (let from = 0; from < text.length; ) {
      let to = Math.min(text.length, from + CHARS_PER_PIECE);
      // A surrogate pair split between two pieces would encode as two replacement characters.
      if (to < text.length && isHighSurrogate(text.charCodeAt(to - 1))) to++;
      const bytes = encoder.encode(text.slice(from, to));
      state.update(bytes);
      from = to;
      sincePause += bytes.length;
      if (sincePause >= BYTES_PER_STEP) {
        sincePause = 0;
        yield;
      }
    }
  }
  return state.hex();
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** The hash's running state: bytes are fed as they come, a 64-byte block is hashed as soon as it is full. */
class Sha256 {
  private readonly hash = new Uint32Array(INITIAL_HASH);
  private readonly w = new Uint32Array(64);
  private readonly block = new Uint8Array(64);
  private filled = 0;
  private length = 0;

  update(bytes: Uint8Array): void {
    this.length += bytes.length;
    let at = 0;
    if (this.filled > 0) {
      const taken = Math.min(64 - this.filled, bytes.length);
      this.block.set(bytes.subarray(0, taken), this.filled);
      this.filled += taken;
      at = taken;
      if (this.filled < 64) return;
      this.compress(this.block, 0);
      this.filled = 0;
    }
    for (; at + 64 <= bytes.length; at += 64) this.compress(bytes, at);
    this.block.set(bytes.subarray(at), 0);
    this.filled = bytes.length - at;
  }

  hex(): string {
    const bits = this.length * 8;
    const tail = new Uint8Array(this.filled + 9 <= 64 ? 64 : 128);
    tail.set(this.block.subarray(0, this.filled));
    tail[this.filled] = 0x80;
    const view = new DataView(tail.buffer);
    view.setUint32(tail.length - 8, Math.floor(bits / 0x100000000));
    view.setUint32(tail.length - 4, bits >>> 0);
    for (let at = 0; at < tail.length; at += 64) this.compress(tail, at);
    return Array.from(this.hash, (word) => word.toString(16).padStart(8, '0')).join('');
  }

  private compress(bytes: Uint8Array, offset: number): void {
    const { hash, w } = this;
    for (let i = 0; i < 16; i++) {
      const at = offset + i * 4;
      w[i] = (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
    }
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15];
      const b = w[i - 2];
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
    }
    // Locals, not a destructured array: destructuring a typed array allocates an iterator for every block.
    let a = hash[0];
    let b = hash[1];
    let c = hash[2];
    let d = hash[3];
    let e = hash[4];
    let f = hash[5];
    let g = hash[6];
    let h = hash[7];
    for (let i = 0; i < 64; i++) {
      const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + s1 + ((e & f) ^ (~e & g)) + K[i] + w[i]) >>> 0;
      const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    hash[0] += a;
    hash[1] += b;
    hash[2] += c;
    hash[3] += d;
    hash[4] += e;
    hash[5] += f;
    hash[6] += g;
    hash[7] += h;
  }
}
