/**
 * The single pass over the document. It moves down firstChild and along nextSibling, and climbs back by the stack
 * of elements it entered (no recursion: pages nest thousands of levels deep and hold 50,000 elements), building
 * the page's text stream, its links, images and emphasised runs. It is a generator that yields every WALK_BATCH
 * nodes so the same code runs to completion (sync) or in time slices (async).
 * Open shadow roots are walked before their host's light children; same-origin frames as their own documents.
 */
import type { EmphasisInfo, ImageInfo, LinkInfo } from './page';
import { resolveHref } from './url';
import { PAUSE_EVERY } from '../../utils/yield';

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
const LINK = 8;
/** Only custom elements and these can host a shadow root, so only they are asked for one (a DOM call each). */
const SHADOW_HOST = 16;
const SHADOW_HOSTS = [
  'article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main',
  'nav', 'p', 'section', 'span',
];
const FLAGS = new Map<string, number>();
for (const name of SKIPPED) FLAGS.set(name, SKIP | BLOCK);
for (const name of INLINE) FLAGS.set(name, EMPHASIS.has(name) ? EMPHASISED : 0);
FLAGS.set('a', LINK);
for (const name of SHADOW_HOSTS) FLAGS.set(name, (FLAGS.get(name) ?? BLOCK) | SHADOW_HOST);
/**
 * Tags not listed count as blocks (custom elements included, though CSS makes them inline by default): a line
 * break too many only splits a line, one too few could run two disclosures together.
 */
function flagsOf(name: string): number {
  const known = FLAGS.get(name);
  if (known !== undefined) return known;
  const flags = name.includes('-') ? BLOCK | SHADOW_HOST : BLOCK;
  // Remembered, so a page's own tag names cost one lookup after their first; bounded against hostile pages.
  if (FLAGS.size < 4096) FLAGS.set(name, flags);
  return flags;
}

const WHITESPACE = /\s+/g;
/** Text that needs collapsing: whitespace other than a plain space, or two spaces in a row. */
const NEEDS_COLLAPSE = /[^\S ]| {2}/;

/** Only tabs, line breaks, form feeds, carriage returns and spaces: what `\s+` collapses to one space. */
function isAsciiBlank(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code !== 32 && (code < 9 || code > 13)) return false;
  }
  return true;
}

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
    readonly base: string,
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
 * The walk's state and steps. A class rather than closures inside the generator: its fields are plain properties
 * the JIT optimises well, and the generator only decides when to pause.
 */
class Walker {
  private readonly pieces: string[] = [];
  /** The pieces of each batch joined: the text is one join of a few hundred chunks, not of a million pieces. */
  private readonly chunks: string[] = [];
  private length = 0;
  private lastSpace = true;
  private lastBreak = true;
  readonly segments: Segment[] = [];
  readonly links: Link[] = [];
  readonly images: ImageInfo[] = [];
  private readonly linkStack: Link[] = [];
  readonly emphasis: EmphasisInfo[] = [];
  private readonly emphasisStack: EmphasisInfo[] = [];
  readonly frameOf = new Map<Node, Element>();
  readonly errors: string[] = [];
  private readonly contexts: Context[] = [];
  private context: Context;
  elementCount = 0;

  // The elements the walk has descended through, and the sibling each had when it was entered. Climbing pops
  // these rather than following parentNode, so a page script that removes or replaces nodes between time slices
  // cannot strand the walk in a detached subtree: it resumes at the removed element's former next sibling.
  private readonly ancestors: Node[] = [];
  private readonly siblingsAtEntry: Array<Node | null> = [];
  /** The tag flags of `ancestors`, so leaving an element needs no second lookup. */
  private readonly ancestorFlags: number[] = [];
  /** The tag flags of the element `enter` last saw (the leaf a climb starts from). */
  private enteredFlags = 0;
  /**
   * How many of `ancestors` (from the bottom) were entered before the current `run`: only they can have been moved
   * by the page while the walk was paused. The others' next sibling is still the one noted at entry, so climbing
   * through them asks the DOM nothing.
   */
  private pausedDepth = 0;
  /**
   * Whether the node about to be entered was reached from the top of `ancestors` in this run, so that element is its
   * parent (or, in a shadow root, the host). Not after a pause: the page may have moved it meanwhile.
   */
  private parentKnown = false;
  /**
   * The page removed the node this run starts from: the walk finishes that detached subtree as it always did, asking
   * the DOM at every step. Otherwise every node a run reaches is connected.
   */
  private detached = false;

  // Top-level nodes one by one: linkedom does not link the doctype to <html> as siblings, and a fragment parsed
  // without <html> has several top-level elements.
  private readonly tops: Node[];
  private topIndex = -1;
  private top: Node | null = null;
  private node: Node | null = null;

  constructor(
    doc: Document,
    pageUrl: string,
    private readonly reportFrames: boolean,
  ) {
    this.context = { root: doc, base: pageUrl, owner: null, lightChildren: false };
    this.tops = Array.from(doc.childNodes);
  }

  /** Walks up to `budget` nodes; true when the whole document is done. */
  run(budget: number): boolean {
    this.pausedDepth = this.ancestors.length;
    this.parentKnown = false;
    this.detached = this.node !== null && this.node.isConnected === false;
    for (;;) {
      if (this.node === null) {
        if (++this.topIndex >= this.tops.length) {
          this.lineBreak();
          this.foldPieces();
          return true;
        }
        this.top = this.node = this.tops[this.topIndex];
        this.parentKnown = false;
        if (this.top.isConnected === false) this.detached = true;
      }
      if (budget-- <= 0) {
        this.foldPieces();
        return false;
      }
      const node: Node = this.node;
      const inside = this.enter(node);
      if (inside) {
        this.ancestors.push(node);
        this.siblingsAtEntry.push(node.nextSibling);
        this.ancestorFlags.push(this.enteredFlags);
        this.node = inside;
        this.parentKnown = true;
        continue;
      }
      this.node = this.climb(node);
    }
  }

  /** Leaves `node` and every ancestor whose last child it was; returns the next node to enter, or null. */
  private climb(node: Node): Node | null {
    let current: Node | null = node;
    let siblingAtEntry: Node | null | undefined;
    let flags = node.nodeType === 1 ? this.enteredFlags : -1;
    // Whether `current` was entered before a pause (the leaf a climb starts from is asked the DOM anyway).
    let paused = true;
    let parentKnown = this.parentKnown;
    while (current) {
      if (flags >= 0) this.leave(flags);
      if (current === this.top) return null;
      let next: Node | null;
      if (!paused) next = siblingAtEntry ?? null;
      else {
        next = current.nextSibling;
        if (siblingAtEntry !== undefined && !this.stillInPlace(current)) {
          next = siblingAtEntry && siblingAtEntry.isConnected !== false ? siblingAtEntry : null;
        }
      }
      if (next) {
        this.parentKnown = parentKnown;
        return next;
      }
      const parent = this.ancestors.pop();
      siblingAtEntry = this.siblingsAtEntry.pop();
      flags = this.ancestorFlags.pop() ?? -1;
      if (!parent) return null;
      const depth = this.ancestors.length;
      paused = this.detached || depth < this.pausedDepth;
      if (paused) {
        this.pausedDepth = depth;
        parentKnown = false;
      }
      if (parent === this.context.owner) {
        // The end of a shadow root or frame document: back to its owner, and a host's light children.
        const light = this.context.lightChildren;
        this.leaveRoot();
        if (light && parent.firstChild) {
          this.ancestors.push(parent);
          this.siblingsAtEntry.push(siblingAtEntry ?? null);
          this.ancestorFlags.push(flags);
          // Entered before a pause it stays so: its next sibling must still be asked when it is left.
          if (paused) this.pausedDepth = depth + 1;
          this.parentKnown = true;
          return parent.firstChild;
        }
      }
      current = parent;
    }
    return null;
  }

  /**
   * Whether `node`, entered before a pause, is still a child of the element the walk entered it from. A parent link
   * rather than `isConnected`, which linkedom answers by climbing to the document: asked for every ancestor of a
   * 40,000-deep page, it made the walk quadratic (35 s). A node whose ancestor was removed still passes, so the walk
   * finishes that removed subtree and leaves it at the ancestor, as it does when a run starts in a removed subtree.
   */
  private stillInPlace(node: Node): boolean {
    const parent = node.parentNode;
    if (parent === null) return false;
    // A shadow root's or a frame document's children: their parent is the root, not the element on the stack.
    if (parent.nodeType === 11 || parent.nodeType === 9) return node.isConnected !== false;
    return parent === this.ancestors[this.ancestors.length - 1];
  }

  private foldPieces(): void {
    if (this.pieces.length === 0) return;
    this.chunks.push(this.pieces.join(''));
    this.pieces.length = 0;
  }

  private lineBreak(): void {
    if (this.lastBreak) return;
    this.pieces.push('\n');
    this.length += 1;
    this.lastBreak = true;
    this.lastSpace = true;
  }

  private enterRoot(root: Node, base: string, owner: Element, lightChildren: boolean): Node | null {
    this.contexts.push(this.context);
    this.context = { root, base, owner, lightChildren };
    return root.firstChild;
  }

  private leaveRoot(): void {
    this.context = this.contexts.pop()!;
  }

  /** Enters a node; returns the first node inside it to walk, or null when its subtree is done or skipped. */
  private enter(node: Node): Node | null {
    const type = node.nodeType;
    if (type === 3) {
      this.text(node as Text);
      return null;
    }
    if (type !== 1) return null;
    const el = node as Element;
    const name = el.localName;
    this.elementCount++;
    const flags = flagsOf(name);
    this.enteredFlags = flags;
    if (flags & SKIP) return null;
    if (name === 'iframe' || name === 'frame') return this.enterFrame(el);
    if (name === 'br') {
      this.lineBreak();
      return null;
    }
    if (name === 'img') {
      this.image(el);
      return null;
    }
    if (flags & BLOCK) this.lineBreak();
    if (name === 'a' || name === 'area') {
      const title = (el.getAttribute('title') ?? el.getAttribute('aria-label') ?? '').trim();
      const link = new Link(el, el.getAttribute('href'), title, this.length, this.context.base);
      this.links.push(link);
      if (name === 'a') this.linkStack.push(link);
    } else if (flags & EMPHASISED) {
      const marked = { element: el, start: this.length, end: this.length };
      this.emphasis.push(marked);
      this.emphasisStack.push(marked);
    }
    const shadow = flags & SHADOW_HOST ? (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot : null;
    // The shadow tree is what renders; its slots show the light children, which are walked after it.
    if (shadow) {
      const first = this.enterRoot(shadow, this.context.base, el, true);
      if (first) return first;
      this.leaveRoot();
    }
    return el.firstChild;
  }

  private text(node: Text): void {
    const raw = node.data;
    if (!raw) return;
    // Most text nodes of a served page are the indentation between tags: they collapse to one space (or to none
    // after a space) without a regular expression or a segment.
    if (isAsciiBlank(raw)) {
      if (this.lastSpace) return;
      this.pieces.push(' ');
      this.length += 1;
      this.lastSpace = true;
      this.lastBreak = false;
      return;
    }
    let piece = NEEDS_COLLAPSE.test(raw) ? raw.replace(WHITESPACE, ' ') : raw;
    if (this.lastSpace && piece.charCodeAt(0) === 32) piece = piece.slice(1);
    if (!piece) return;
    let element: Element | null | undefined;
    if (this.parentKnown) element = this.ancestors[this.ancestors.length - 1] as Element | undefined;
    else {
      const parent = node.parentNode;
      element = parent && parent.nodeType === 1 ? (parent as Element) : (parent as ShadowRoot | null)?.host;
    }
    if (element && piece !== ' ') {
      const link = this.linkStack.length ? this.linkStack[this.linkStack.length - 1] : null;
      this.segments.push({ start: this.length, end: this.length + piece.length, element, link });
    }
    this.pieces.push(piece);
    this.length += piece.length;
    this.lastSpace = piece.charCodeAt(piece.length - 1) === 32;
    this.lastBreak = false;
  }

  private image(el: Element): void {
    const link = this.linkStack.length ? this.linkStack[this.linkStack.length - 1] : null;
    const alt = (el.getAttribute('alt') ?? '').trim();
    const title = (el.getAttribute('title') ?? '').trim();
    if (link && (alt || title)) link.imageText = [link.imageText, alt, title].filter(Boolean).join(' ');
    this.images.push(new Image(el, alt, title, el.getAttribute('src'), link, this.context.base));
  }

  private leave(flags: number): void {
    if (flags & LINK) {
      if (this.linkStack.length) this.linkStack.pop()!.end = this.length;
    } else if (flags & EMPHASISED) {
      if (this.emphasisStack.length) this.emphasisStack.pop()!.end = this.length;
    }
    if (flags & BLOCK) this.lineBreak();
  }

  /** Same-origin frames are walked as part of the page; the others are noted in a browser, never thrown. */
  private enterFrame(el: Element): Node | null {
    let frameDoc: Document | null | undefined;
    try {
      frameDoc = (el as HTMLIFrameElement).contentDocument;
    } catch (error) {
      if (this.reportFrames) this.errors.push(`frame ${el.getAttribute('src') ?? ''}: ${(error as Error).message}`);
      return null;
    }
    if (!frameDoc) {
      const src = el.getAttribute('src');
      if (this.reportFrames && src && /^\s*https?:/i.test(src)) {
        this.errors.push(`frame ${src.trim()}: not reachable (cross-origin), not inspected`);
      }
      return null;
    }
    this.frameOf.set(frameDoc, el);
    // A srcdoc or about:blank frame resolves links against its parent's base; baseURI says so in a browser.
    let base = this.context.base;
    try {
      const own = frameDoc.baseURI || frameDoc.URL;
      if (own && !own.startsWith('about:')) base = own;
    } catch {
      // Keep the parent's base.
    }
    this.enterRoot(frameDoc, base, el, false);
    if (frameDoc.documentElement) return frameDoc.documentElement;
    this.leaveRoot();
    return null;
  }

  /** The walk's text, once the walk is done: each link's text is read from it (see labelLinks). */
  joinedText(): string {
    this.foldPieces();
    return this.chunks.join('');
  }

  result(text: string): WalkResult {
    return {
      text,
      segments: this.segments,
      links: this.links,
      images: this.images,
      emphasis: this.emphasis,
      frameOf: this.frameOf,
      elementCount: this.elementCount,
      errors: this.errors,
    };
  }
}

/**
 * `reportFrames`: note frames that could not be entered. Only meaningful in a browser; a saved file never carries
 * its frames' documents, so a static audit would report every frame.
 */
export function* walkDocument(doc: Document, pageUrl: string, reportFrames = false): Generator<void, WalkResult, void> {
  const walker = new Walker(doc, pageUrl, reportFrames);
  while (!walker.run(WALK_BATCH)) yield;
  yield;
  const text = walker.joinedText();
  // Thousands of links are labelled in steps of their own.
  for (const [index, link] of walker.links.entries()) {
    if (index % PAUSE_EVERY === PAUSE_EVERY - 1) yield;
    const inside = text.slice(link.start, link.end);
    // The stream is collapsed already; only a line break inside the link needs replacing.
    link.text = (inside.includes('\n') ? inside.replace(WHITESPACE, ' ') : inside).trim();
  }
  return walker.result(text);
}
