/** Base64 without Node's Buffer, so the same code runs in extension pages, the service worker and Node. */

// A multiple of 3, so chunks encode independently and concatenate without padding in between.
const CHUNK = 3 * 8192;

export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    out += btoa(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  }
  return out;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes strict base64; returns null for anything else, so a corrupt file is refused rather than misread. */
export function base64ToBytes(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !BASE64.test(text)) return null;
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function dataUrl(mediaType: string, bytes: Uint8Array): string {
  return `data:${mediaType};base64,${bytesToBase64(bytes)}`;
}

/** The bytes of a `data:…;base64,` URL (what `captureVisibleTab` returns). */
export function dataUrlToBytes(url: string): { mediaType: string; bytes: Uint8Array } | null {
  const match = /^data:([\w.+-]+\/[\w.+-]+);base64,(.*)$/s.exec(url);
  if (!match) return null;
  const bytes = base64ToBytes(match[2]);
  return bytes ? { mediaType: match[1], bytes } : null;
}
