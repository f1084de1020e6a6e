/**
 * What the gatherer hands every detector: the page's visible-text stream plus its links and images, and a way to
 * turn a text range or an element into evidence. Detectors depend on this interface only, never on the walker,
 * so each can be tested on a tiny page or, for its string functions, on plain strings.
 */
import type { Evidence } from '../types';
import { foldWidth } from './text';

export interface LinkInfo {
  element: Element;
  /** The attribute as written. */
  rawHref: string | null;
  /** Resolved against the page URL; null for a placeholder (`#`, empty, `javascript:`, template syntax). */
  href: string | null;
  /** What `href` is resolved against (the page's or its frame's base), when the walk knows it. */
  base?: string;
  /** Normalised text inside the link. */
  text: string;
  /** alt/title of images inside the link, joined: icon-only badges are labelled only there. */
  imageText: string;
  /** The link's own title / aria-label. */
  title: string;
  /** Range of the link's text in PageView.text. */
  start: number;
  end: number;
}

export interface ImageInfo {
  element: Element;
  alt: string;
  title: string;
  /** The src attribute as written, and resolved against the page URL. */
  rawSrc: string | null;
  src: string | null;
  /** The link the image sits in, if any. */
  link: LinkInfo | null;
}

/** Text the page emphasises (b, strong, u, em, ins, mark): terms pages mark clauses of major interest this way. */
export interface EmphasisInfo {
  element: Element;
  start: number;
  end: number;
}

export interface PageView {
  url: string;
  title: string;
  /**
   * What the head says of the page besides its title: the meta description and keywords, joined, bounded. A
   * script-built page's shell often says there what it is.
   */
  headSummary?: string;
  /**
   * All page text, whitespace collapsed to single spaces, with `\n` at block boundaries (div, p, li, br, td…).
   * Comments, script, style, template and head content are left out.
   */
  text: string;
  links: LinkInfo[];
  images: ImageInfo[];
  emphasis: EmphasisInfo[];
  /** The element whose own text holds the character at `offset` (null between blocks). */
  elementAt(offset: number): Element | null;
  /** Links that hold part of the text in [start, end). */
  linksIn(start: number, end: number): LinkInfo[];
  /** The element holding the text in [start, end), described as evidence; `text` is the bounded line around it. */
  evidenceForRange(start: number, end: number): Evidence;
  evidenceForElement(element: Element, text?: string): Evidence;
}

const matchTexts = new WeakMap<PageView, string>();

/**
 * The page text detectors match against: `text` with full-width letters, digits and signs folded to ASCII (same
 * length, so offsets hold for `text` and for evidence). Folded once per page and shared by every detector; facts
 * quote `text`, as displayed.
 */
export function matchText(page: PageView): string {
  let folded = matchTexts.get(page);
  if (folded === undefined) {
    folded = foldWidth(page.text);
    matchTexts.set(page, folded);
  }
  return folded;
}

/**
 * Where a link really goes: null for placeholders the walker resolves to the page itself, an in-page anchor
 * (`#none`, `#top`), the root's empty anchor (`/#`) or `about:blank`. A hash route (`#/agreement`, `#!/rules`) is real.
 */
export function linkTarget(link: Pick<LinkInfo, 'rawHref' | 'href'>): string | null {
  if (!link.href) return null;
  return /^\s*(#[^/!]*|\/#|about:blank)\s*$/i.test(link.rawHref ?? '') ? null : link.href;
}
