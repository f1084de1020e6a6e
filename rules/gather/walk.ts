/**
 * The single pass over the document: an explicit-stack walk (pages nest thousands of levels deep, so no
 * recursion) that builds the page's text stream, its links and images. It is a generator that yields every
 * WALK_BATCH nodes so the same code runs to completion (sync) or in time slices (async).
 * Open shadow roots are walked in place of their host's content; same-origin frames as their own documents.
 */
import type { EmphasisInfo, ImageInfo, LinkInfo } from '../detectors/page';
import { resolveHref } from './url';
import type { FirstById } from './selector';

export const WALK_BATCH = 256;

/** A run of text from one text node; `element` is its parent, the element evidence points to. */
export interface Segment {
  start: number;
  end: number;
  element: Element;
  link: LinkInfo | null;
}

export interface WalkResult {
  text: string;
  segments: Segment[];
  links: LinkInfo[];
  images: ImageInfo[];
  emphasis: EmphasisInfo[];
  firstById: FirstById;
  /** Frame documents mapped to their frame element, to build selectors that reach into them. */
  frameOf: Map<Node, Element>;
  elementCount: number;
  errors: string[];
}

/** Their text is not page text (the `<noscript>` subtree is walked but reported hidden). */
const SKIPPED = new Set(['script', 'style', 'template', 'head', 'title', 'meta', 'link', 'iframe', 'frame', 'object']);

/** Elements that do not break a line; everything else starts and ends a block in the text stream. */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'img', 'kbd', 'label', 'mark',
  'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'big',
  'input', 'button', 'select', 'nobr', 'ins', 'del',
]);

const WHITESPACE = /\s+/g;

/** Inline elements that emphasise their text. */
const EMPHASIS = new Set(['b', 'strong', 'u', 'em', 'ins', 'mark']);

interface Frame {
  node: Node;
  /** An exit marker: the element's subtree is done. */
  exit: boolean;
  base: string;
}

/**
 * `reportFrames`: note frames that could not be entered. Only meaningful in a browser; a saved file never carries
 * its frames' documents, so a static audit would report every frame.
 */
export function* walkDocument(doc: Document, pageUrl: string, reportFrames = false): Generator<void, WalkResult, void> {
  const pieces: string[] = [];
  let length = 0;
  let lastSpace = true;
  let lastBreak = true;
  const segments: Segment[] = [];
  const links: LinkInfo[] = [];
  const images: ImageInfo[] = [];
  const linkStack: LinkInfo[] = [];
  const emphasis: EmphasisInfo[] = [];
  const emphasisStack: EmphasisInfo[] = [];
  const firstById: FirstById = new Map();
  const frameOf = new Map<Node, Element>();
  const errors: string[] = [];
  let elementCount = 0;
  let sinceYield = 0;

  const lineBreak = () => {
    if (lastBreak) return;
    pieces.push('\n');
    length += 1;
    lastBreak = true;
    lastSpace = true;
  };

  const stack: Frame[] = [];
  const pushChildren = (parent: Node, base: string) => {
    for (let child = parent.lastChild; child; child = child.previousSibling) stack.push({ node: child, exit: false, base });
  };
  const rememberId = (el: Element) => {
    const id = el.getAttribute('id');
    if (!id) return;
    const root = rootNode(el);
    let ids = firstById.get(root);
    if (!ids) firstById.set(root, (ids = new Map()));
    if (!ids.has(id)) ids.set(id, el);
  };

  // From the document itself: a fragment parsed without <html> has several top-level elements.
  pushChildren(doc, pageUrl);

  while (stack.length) {
    if (++sinceYield >= WALK_BATCH) {
      sinceYield = 0;
      yield;
    }
    const frame = stack.pop()!;
    const node = frame.node;
    if (frame.exit) {
      const el = node as Element;
      if (el.localName === 'a' && linkStack.length) linkStack.pop()!.end = length;
      else if (EMPHASIS.has(el.localName) && emphasisStack.length) emphasisStack.pop()!.end = length;
      if (!INLINE.has(el.localName)) lineBreak();
      continue;
    }
    if (node.nodeType === 3) {
      const raw = (node as Text).data;
      if (!raw) continue;
      let piece = raw.replace(WHITESPACE, ' ');
      if (lastSpace && piece.charCodeAt(0) === 32) piece = piece.slice(1);
      if (!piece) continue;
      const parent = node.parentNode;
      const element = parent && parent.nodeType === 1 ? (parent as Element) : (parent as ShadowRoot | null)?.host;
      if (element && piece !== ' ') {
        segments.push({ start: length, end: length + piece.length, element, link: linkStack[linkStack.length - 1] ?? null });
      }
      pieces.push(piece);
      length += piece.length;
      lastSpace = piece.charCodeAt(piece.length - 1) === 32;
      lastBreak = false;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const name = el.localName;
    elementCount++;
    rememberId(el);
    if (name === 'iframe' || name === 'frame') {
      enterFrame(el, stack, frameOf, reportFrames ? errors : null);
      continue;
    }
    if (SKIPPED.has(name)) continue;
    if (name === 'br') {
      lineBreak();
      continue;
    }
    if (name === 'img') {
      images.push(imageInfo(el, frame.base, linkStack[linkStack.length - 1] ?? null));
      continue;
    }
    if (!INLINE.has(name)) lineBreak();
    if (name === 'a' || name === 'area') {
      const link = linkInfo(el, frame.base, length);
      links.push(link);
      if (name === 'a') linkStack.push(link);
    }
    if (EMPHASIS.has(name)) {
      const marked = { element: el, start: length, end: length };
      emphasis.push(marked);
      emphasisStack.push(marked);
    }
    if (name === 'a' || EMPHASIS.has(name) || !INLINE.has(name)) stack.push({ node: el, exit: true, base: frame.base });
    pushChildren(el, frame.base);
    const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    // The shadow tree is what renders; its slots show the light children, which are walked after it.
    if (shadow) pushChildren(shadow, frame.base);
  }
  lineBreak();

  const text = pieces.join('');
  for (const link of links) link.text = text.slice(link.start, link.end).replace(WHITESPACE, ' ').trim();
  return { text, segments, links, images, emphasis, firstById, frameOf, elementCount, errors };
}

function rootNode(node: Node): Node {
  let current = node;
  while (current.parentNode) current = current.parentNode;
  return current;
}

/** Same-origin frames are walked as part of the page; the others are noted, never thrown. */
function enterFrame(el: Element, stack: Frame[], frameOf: Map<Node, Element>, errors: string[] | null): void {
  let frameDoc: Document | null | undefined;
  try {
    frameDoc = (el as HTMLIFrameElement).contentDocument;
  } catch (error) {
    errors?.push(`frame ${el.getAttribute('src') ?? ''}: ${(error as Error).message}`);
    return;
  }
  if (!frameDoc) {
    const src = el.getAttribute('src');
    if (src && /^https?:/i.test(src)) errors?.push(`frame ${src}: not reachable (cross-origin), not inspected`);
    return;
  }
  frameOf.set(frameDoc, el);
  let base = '';
  try {
    base = frameDoc.URL && frameDoc.URL !== 'about:blank' ? frameDoc.URL : '';
  } catch {
    base = '';
  }
  const frameBase = base || (el.ownerDocument?.URL ?? '');
  for (let child = frameDoc.lastChild; child; child = child.previousSibling) {
    stack.push({ node: child, exit: false, base: frameBase });
  }
}

function linkInfo(el: Element, base: string, start: number): LinkInfo {
  const rawHref = el.getAttribute('href');
  return {
    element: el,
    rawHref,
    href: resolveHref(rawHref, base),
    text: '',
    imageText: '',
    title: (el.getAttribute('title') ?? el.getAttribute('aria-label') ?? '').trim(),
    start,
    end: start,
  };
}

function imageInfo(el: Element, base: string, link: LinkInfo | null): ImageInfo {
  const alt = (el.getAttribute('alt') ?? '').trim();
  const title = (el.getAttribute('title') ?? '').trim();
  if (link) link.imageText = [link.imageText, alt, title].filter(Boolean).join(' ');
  return { element: el, alt, title, src: resolveHref(el.getAttribute('src'), base), link };
}
