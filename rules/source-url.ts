/**
 * Where a saved page came from. A page saved to a file keeps its address in a few places: the "mark of the web"
 * comment browsers write (`<!-- saved from url=(0023)https://www.jd.com/ -->`), `<link rel=canonical>`, `og:url`
 * and `<base href>`. The first absolute http(s) address found, in that order, stands for the page in every
 * URL-based judgement; a relative or templated one (`<base href=".">`, `${baseUrl}`) says nothing.
 */
export type SourceUrlClue = 'saved-from' | 'canonical' | 'og-url' | 'base';

export interface SourceUrl {
  url: string;
  from: SourceUrlClue;
}

/** The comment gives the address's length in brackets; the address runs to the next space. */
const SAVED_FROM = /^\s?saved from url=\(\d{1,5}\)(\S{1,2048})/i;
/** The comment sits before <html> or at the top of it: a few nodes are enough to look at. */
const TOP_NODES = 8;

/** An absolute web address, with a protocol-relative one (`//www.joybuy.com/`) taken as https. */
export function absoluteWebUrl(raw: string | null | undefined): string | null {
  const value = (raw ?? '').trim();
  if (!value || /\$\{|\{\{|<%/.test(value)) return null;
  try {
    const url = new URL(value.startsWith('//') ? `https:${value}` : value);
    return /^https?:$/.test(url.protocol) && url.hostname.includes('.') ? url.href : null;
  } catch {
    return null;
  }
}

/** linkedom gives a doctype no nextSibling, and a document without elements no head: read childNodes, guarded. */
function topNodes(doc: Document): Node[] {
  const nodes: Node[] = [];
  for (const place of [() => doc, () => doc.documentElement, () => doc.head]) {
    try {
      const children = place()?.childNodes;
      for (let i = 0; children && i < Math.min(children.length, TOP_NODES); i++) nodes.push(children[i]);
    } catch {
      // No such place in this document.
    }
  }
  return nodes;
}

function savedFromComment(doc: Document): string | null {
  for (const node of topNodes(doc)) {
    if (node.nodeType !== 8) continue;
    const match = SAVED_FROM.exec((node as Comment).data ?? '');
    const url = absoluteWebUrl(match?.[1]);
    if (url) return url;
  }
  return null;
}

function attribute(doc: Document, selector: string, name: string): string | null {
  try {
    return doc.querySelector(selector)?.getAttribute(name) ?? null;
  } catch {
    return null;
  }
}

/** The address a saved document names for itself, or null when it names none. */
export function sourceUrlOf(doc: Document): SourceUrl | null {
  const clues: Array<[SourceUrlClue, () => string | null]> = [
    ['saved-from', () => savedFromComment(doc)],
    ['canonical', () => absoluteWebUrl(attribute(doc, 'link[rel~="canonical" i][href]', 'href'))],
    ['og-url', () => absoluteWebUrl(attribute(doc, 'meta[property="og:url" i][content]', 'content'))],
    ['base', () => absoluteWebUrl(attribute(doc, 'base[href]', 'href'))],
  ];
  for (const [from, read] of clues) {
    const url = read();
    if (url) return { url, from };
  }
  return null;
}

/** A page read from a file (or with no address at all), whose own address must be recovered from its content. */
export function isLocalAddress(url: string): boolean {
  return !/^https?:\/\//i.test(url);
}
