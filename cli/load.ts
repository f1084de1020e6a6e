/** Reading an input for a static audit: a saved HTML file or a URL, decoded with the charset it declares. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface LoadedPage {
  /** What the page is audited as: the URL, or the file's file:// URL. */
  url: string;
  html: string;
}

const FETCH_TIMEOUT_MS = 30_000;
/** Charset declarations sit in the first bytes of a page (the HTML spec's prescan reads 1024). */
const PRESCAN_BYTES = 4096;

export function isWebUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** The charset a page declares in a `<meta>`: `<meta charset=gbk>` or `content="text/html; charset=gb2312"`. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return match ? match[1].toLowerCase() : null;
}

function charsetFromContentType(contentType: string | null): string | null {
  const match = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? '');
  return match ? match[1].toLowerCase() : null;
}

/**
 * Decodes page bytes the way a saved page must be read: a BOM wins; otherwise bytes that are valid UTF-8 are UTF-8
 * whatever the page declares (a browser's "save page" writes UTF-8 and keeps an old `charset=gbk` meta); bytes that
 * are not valid UTF-8 are read by the declared charset when it is another one (GBK, GB2312 and GB18030 all as
 * GB18030, their superset), else as GB18030, the usual other encoding of Chinese pages (some declare UTF-8 and are
 * GBK).
 */
export function decodeHtml(bytes: Uint8Array, declared: string | null = null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: the declared charset, if it names another one, else GB18030.
  }
  let charset = declared ?? declaredCharset(bytes);
  if (!charset || /^(utf-?8|gb2312|gbk|gb18030|x-gbk|cp936)$/.test(charset)) charset = 'gb18030';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export async function loadInput(input: string): Promise<LoadedPage> {
  if (isWebUrl(input)) {
    const response = await fetch(input, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { url: response.url || input, html: decodeHtml(bytes, charsetFromContentType(response.headers.get('content-type'))) };
  }
  const path = resolve(input);
  const bytes = new Uint8Array(await readFile(path));
  return { url: pathToFileURL(path).href, html: decodeHtml(bytes) };
}
