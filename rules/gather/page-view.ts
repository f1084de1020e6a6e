/** Turns the walk's text stream into the PageView detectors read: range lookups and evidence. */
import type { Evidence } from '../types';
import type { LinkInfo, PageView } from './page';
import type { Segment, WalkResult } from './walk';
import { IdIndex, Selectors } from './selector';
import { excerpt, lineAround } from './text';
import type { VisibilityProbe, VisibilityVerdict } from './visibility';

export function createPageView(walk: WalkResult, probe: VisibilityProbe, url: string, title: string, headSummary = ''): PageView {
  const { segments, text } = walk;
  const selectorMemo = new Map<Element, { selector: string; rootPath?: string[] }>();
  const selectors = new Selectors(new IdIndex());

  const locate = (el: Element) => {
    let known = selectorMemo.get(el);
    if (!known) {
      known = { selector: selectors.of(el) };
      const rootPath = rootPathOf(el, walk, selectors);
      if (rootPath.length) known.rootPath = rootPath;
      selectorMemo.set(el, known);
    }
    return known;
  };

  // Built on first use: most pages ask it only for the few elements that carry facts.
  let linkByElement: Map<Element, LinkInfo> | null = null;
  const linkOf = (anchor: Element): LinkInfo | undefined => {
    if (!linkByElement) {
      linkByElement = new Map();
      for (const link of walk.links) linkByElement.set(link.element, link);
    }
    return linkByElement.get(anchor);
  };

  const evidenceForElement = (element: Element, label?: string): Evidence => {
    const where = locate(element);
    const verdict = probe.of(element);
    const link = element.closest('a');
    const evidence: Evidence = {
      selector: where.selector,
      text: excerpt(label ?? element.textContent ?? ''),
      href: link ? (linkOf(link)?.href ?? null) : null,
      visible: verdict.visible,
    };
    if (verdict.hiddenReason) evidence.hiddenReason = verdict.hiddenReason;
    if (where.rootPath) evidence.rootPath = where.rootPath;
    return evidence;
  };

  const evidenceForRange = (start: number, end: number): Evidence => {
    const touched = segmentsIn(segments, start, end);
    const context = lineAround(text, start, end);
    if (!touched.length) {
      return { selector: 'html', text: context, href: null, visible: null };
    }
    const element = commonAncestor(touched.map((s) => s.element));
    const where = locate(element);
    const verdict = combineVisibility(touched.map((s) => probe.of(s.element)));
    const link = touched.find((s) => s.link?.href)?.link ?? null;
    const evidence: Evidence = { selector: where.selector, text: context, href: link?.href ?? null, visible: verdict.visible };
    if (verdict.hiddenReason) evidence.hiddenReason = verdict.hiddenReason;
    if (where.rootPath) evidence.rootPath = where.rootPath;
    return evidence;
  };

  const linksIn = (start: number, end: number): LinkInfo[] => {
    const found: LinkInfo[] = [];
    for (const segment of segmentsIn(segments, start, end)) {
      if (segment.link && !found.includes(segment.link)) found.push(segment.link);
    }
    return found;
  };

  const elementAt = (offset: number): Element | null => segmentsIn(segments, offset, offset + 1)[0]?.element ?? null;

  return {
    url,
    title,
    headSummary,
    text,
    links: walk.links,
    images: walk.images,
    emphasis: walk.emphasis,
    elementAt,
    linksIn,
    evidenceForRange,
    evidenceForElement,
  };
}

/** Segments overlapping [start, end), by binary search on their start offsets. */
export function segmentsIn(segments: Segment[], start: number, end: number): Segment[] {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (segments[mid].end <= start) low = mid + 1;
    else high = mid;
  }
  const found: Segment[] = [];
  for (let i = low; i < segments.length && segments[i].start < end; i++) found.push(segments[i]);
  return found;
}

/** A fact is hidden only when every piece of it is hidden; unknown if any piece is unknown. */
export function combineVisibility(verdicts: VisibilityVerdict[]): VisibilityVerdict {
  if (verdicts.every((v) => v.visible === false)) return verdicts[0];
  if (verdicts.some((v) => v.visible === true)) return { visible: true };
  return { visible: null };
}

export function commonAncestor(elements: Element[]): Element {
  let candidate = elements[0];
  for (const el of elements.slice(1)) {
    if (el === candidate) continue;
    while (!candidate.contains(el) && candidate.parentElement) candidate = candidate.parentElement;
  }
  return candidate;
}

/** Selectors of the frames and shadow hosts, outermost first, that hold the element's root. */
function rootPathOf(el: Element, walk: WalkResult, selectors: Selectors): string[] {
  const path: string[] = [];
  let node: Node = el;
  for (let guard = 0; guard < 32; guard++) {
    const root = selectors.rootOf(node);
    const host = root.nodeType === 11 ? (root as ShadowRoot).host : walk.frameOf.get(root);
    if (!host) break;
    path.unshift(selectors.of(host));
    node = host;
  }
  return path;
}
