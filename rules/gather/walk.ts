/**
 * The single pass over the document. It moves along firstChild / nextSibling / parentNode pointers (no recursion,
 * no per-node allocation: pages nest thousands of levels deep and hold 50,000 elements) and builds the page's text
 * stream, its links, images and emphasised runs. It is a generator that yields every WALK_BATCH nodes so the same
 * code runs to completion (sync) or in time slices (async).
 * Open shadow roots are walked before their host's light children; same-origin frames as their own documents.
 */
import type { EmphasisInfo, ImageInfo, LinkInfo } from '../detectors/page';
import { resolveHref } from './url';

export const WALK_BATCH = 512;

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
  /** Frame documents mapped to their frame element, to build selectors that reach into them. */
  frameOf: Map<Node, Element>;
  elementCount: number;
  errors: string[];
}

/** Their text is not page text (the `<noscript>` subtree is walked but reported hidden). */
const SKIPPED = new Set(['script', 'style', 'template', 'head', 'title', 'meta', 'link', 'object', 'svg', 'canvas']);

/** Elements that do not break a line; everything else starts and ends a block in the text stream. */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'img', 'kbd', 'label', 'mark',
  'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'big',
  'input', 'button', 'select', 'nobr', 'ins', 'del',
]);

/** Inline elements that emphasise their text. */
const EMPHASIS = new Set(['b', 'strong', 'u', 'em', 'ins', 'mark']);

/** Per tag name, what the walk does with it, so each element costs one lookup on the way in and one out. */
const SKIP = 1;
const BLOCK = 2;
const EMPHASISED = 4;
const FLAGS = new Map<string, number>();
for (const name of SKIPPED) FLAGS.set(name, SKIP | BLOCK);
for (const name of INLINE) FLAGS.set(name, EMPHASIS.has(name) ? EMPHASISED : 0);
/** Tags not listed are blocks: unknown and custom elements mostly render as boxes. */
function flagsOf(name: string): number {
  return FLAGS.get(name) ?? BLOCK;
}

const WHITESPACE = /\s+/g;
/** Text that needs collapsing: whitespace other than a plain space, or two spaces in a row. */
const NEEDS_COLLAPSE = /[^\S ]| {2}/;

/** A link whose URL is resolved on first use: most of a page's thousands of links are never asked. */
class Link implements LinkInfo {
  text = '';
  imageText = '';
  end: number;
  private resolved: string | null | undefined;

  constructor(
    readonly element: Element,
    readonly rawHref: string | null,
    readonly title: string,
    readonly start: number,
    private readonly base: string,
  ) {
    this.end = start;
  }

  get href(): string | null {
    if (this.resolved === undefined) this.resolved = resolveHref(this.rawHref, this.base);
    return this.resolved;
  }
}

class Image implements ImageInfo {
  private resolved: string | null | undefined;

  constructor(
    readonly element: Element,
    readonly alt: string,
    readonly title: string,
    readonly rawSrc: string | null,
    readonly link: LinkInfo | null,
    private readonly base: string,
  ) {}

  get src(): string | null {
    if (this.resolved === undefined) this.resolved = resolveHref(this.rawSrc, this.base);
    return this.resolved;
  }
}

/** Where the walk is: the document or shadow root it is in, and the base URL links resolve against. */
interface Context {
  root: Node;
  base: string;
  /** The shadow host or frame element to return to when this root is done; null for the page itself. */
  owner: Element | null;
  /** A shadow root's host still has its light children to walk. */
  lightChildren: boolean;
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
  const links: Link[] = [];
  const images: ImageInfo[] = [];
  const linkStack: Link[] = [];
  const emphasis: EmphasisInfo[] = [];
  const emphasisStack: EmphasisInfo[] = [];
  const frameOf = new Map<Node, Element>();
  const errors: string[] = [];
  const contexts: Context[] = [];
  let context: Context = { root: doc, base: pageUrl, owner: null, lightChildren: false };
  let elementCount = 0;
  let sinceYield = 0;

  const lineBreak = () => {
    if (lastBreak) return;
    pieces.push('\n');
    length += 1;
    lastBreak = true;
    lastSpace = true;
  };

  const enterRoot = (root: Node, base: string, owner: Element, lightChildren: boolean): Node | null => {
    contexts.push(context);
    context = { root, base, owner, lightChildren };
    return root.firstChild;
  };
  const leaveRoot = () => {
    context = contexts.pop()!;
  };

  /** Enters a node; returns the first node inside it to walk, or null when its subtree is done or skipped. */
  const enter = (node: Node): Node | null => {
    if (node.nodeType === 3) {
      const raw = (node as Text).data;
      if (!raw) return null;
      let piece = NEEDS_COLLAPSE.test(raw) ? raw.replace(WHITESPACE, ' ') : raw;
      if (lastSpace && piece.charCodeAt(0) === 32) piece = piece.slice(1);
      if (!piece) return null;
      const parent = node.parentNode;
      const element = parent && parent.nodeType === 1 ? (parent as Element) : (parent as ShadowRoot | null)?.host;
      if (element && piece !== ' ') {
        segments.push({ start: length, end: length + piece.length, element, link: linkStack[linkStack.length - 1] ?? null });
      }
      pieces.push(piece);
      length += piece.length;
      lastSpace = piece.charCodeAt(piece.length - 1) === 32;
      lastBreak = false;
      return null;
    }
    if (node.nodeType !== 1) return null;
    const el = node as Element;
    const name = el.localName;
    elementCount++;
    const flags = flagsOf(name);
    if (flags & SKIP) return null;
    if (name === 'iframe' || name === 'frame') return enterFrame(el);
    if (name === 'br') {
      lineBreak();
      return null;
    }
    if (name === 'img') {
      const link = linkStack[linkStack.length - 1] ?? null;
      const alt = (el.getAttribute('alt') ?? '').trim();
      const title = (el.getAttribute('title') ?? '').trim();
      if (link && (alt || title)) link.imageText = [link.imageText, alt, title].filter(Boolean).join(' ');
      images.push(new Image(el, alt, title, el.getAttribute('src'), link, context.base));
      return null;
    }
    if (flags & BLOCK) lineBreak();
    if (name === 'a' || name === 'area') {
      const title = (el.getAttribute('title') ?? el.getAttribute('aria-label') ?? '').trim();
      const link = new Link(el, el.getAttribute('href'), title, length, context.base);
      links.push(link);
      if (name === 'a') linkStack.push(link);
    } else if (flags & EMPHASISED) {
      const marked = { element: el, start: length, end: length };
      emphasis.push(marked);
      emphasisStack.push(marked);
    }
    const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    // The shadow tree is what renders; its slots show the light children, which are walked after it.
    if (shadow) {
      const first = enterRoot(shadow, context.base, el, true);
      if (first) return first;
      leaveRoot();
    }
    return el.firstChild;
  };

  const leave = (el: Element) => {
    const name = el.localName;
    const flags = flagsOf(name);
    if (name === 'a') {
      if (linkStack.length) linkStack.pop()!.end = length;
    } else if (flags & EMPHASISED) {
      if (emphasisStack.length) emphasisStack.pop()!.end = length;
    }
    if (flags & BLOCK) lineBreak();
  };

  /** Same-origin frames are walked as part of the page; the others are noted in a browser, never thrown. */
  const enterFrame = (el: Element): Node | null => {
    let frameDoc: Document | null | undefined;
    try {
      frameDoc = (el as HTMLIFrameElement).contentDocument;
    } catch (error) {
      if (reportFrames) errors.push(`frame ${el.getAttribute('src') ?? ''}: ${(error as Error).message}`);
      return null;
    }
    if (!frameDoc) {
      const src = el.getAttribute('src');
      if (reportFrames && src && /^https?:/i.test(src)) errors.push(`frame ${src}: not reachable (cross-origin), not inspected`);
      return null;
    }
    frameOf.set(frameDoc, el);
    let base = context.base;
    try {
      if (frameDoc.URL && frameDoc.URL !== 'about:blank') base = frameDoc.URL;
    } catch {
      // Keep the parent's base.
    }
    enterRoot(frameDoc, base, el, false);
    if (frameDoc.documentElement) return frameDoc.documentElement;
    leaveRoot();
    return null;
  };

  // The elements the walk has descended through, and the sibling each had when it was entered. Climbing pops
  // these rather than following parentNode, so a page script that removes or replaces nodes between time slices
  // cannot strand the walk in a detached subtree: it resumes at the removed element's former next sibling.
  const ancestors: Node[] = [];
  const siblingsAtEntry: Array<Node | null> = [];

  // Top-level nodes one by one: linkedom does not link the doctype to <html> as siblings, and a fragment parsed
  // without <html> has several top-level elements.
  for (const top of Array.from(doc.childNodes)) {
    let node: Node | null = top;
    while (node) {
      if (++sinceYield >= WALK_BATCH) {
        sinceYield = 0;
        yield;
      }
      const inside = enter(node);
      if (inside) {
        ancestors.push(node);
        siblingsAtEntry.push(node.nextSibling);
        node = inside;
        continue;
      }
      // Done with `node`: leave it and every ancestor whose last child it was, then move to the next sibling.
      let current: Node | null = node;
      let siblingAtEntry: Node | null | undefined;
      node = null;
      while (current) {
        if (current.nodeType === 1) leave(current as Element);
        if (current === top) break;
        let next: Node | null = current.nextSibling;
        if (siblingAtEntry !== undefined && current.isConnected === false) {
          next = siblingAtEntry && siblingAtEntry.isConnected !== false ? siblingAtEntry : null;
        }
        if (next) {
          node = next;
          break;
        }
        const parent = ancestors.pop();
        siblingAtEntry = siblingsAtEntry.pop();
        if (!parent) break;
        if (parent === context.owner) {
          // The end of a shadow root or frame document: back to its owner, and a host's light children.
          const light = context.lightChildren;
          leaveRoot();
          if (light && parent.firstChild) {
            ancestors.push(parent);
            siblingsAtEntry.push(siblingAtEntry ?? null);
            node = parent.firstChild;
            break;
          }
        }
        current = parent;
      }
    }
  }
  lineBreak();

  const text = pieces.join('');
  for (const link of links) link.text = text.slice(link.start, link.end).replace(WHITESPACE, ' ').trim();
  return { text, segments, links, images, emphasis, frameOf, elementCount, errors };
}
