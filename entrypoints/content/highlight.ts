import type { HiddenReason } from '@/rules/types';

export interface HighlightResult {
  found: boolean;
  hidden: boolean;
  reason?: HiddenReason;
}

/** Marks the overlay's host element, so the page watcher can ignore our own changes to the page. */
export const OVERLAY_ATTRIBUTE = 'data-liangzhao-overlay';

/** Below this computed font size text counts as unreadable. */
const TINY_FONT_PX = 6;

const OVERLAY_CSS = `
:host { all: initial; }
.box { position: absolute; box-sizing: border-box; border: 3px solid #b91c1c; outline: 2px solid #fff;
  border-radius: 3px; pointer-events: none; }
.label { position: absolute; box-sizing: border-box; width: max-content; max-width: calc(100vw - 8px);
  padding: 4px 8px; border-radius: 3px; background: #b91c1c; color: #fff;
  font: 600 13px/1.4 system-ui, 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; pointer-events: none;
  box-shadow: 0 1px 4px rgba(0,0,0,.4); }
.box.hidden-evidence { border-style: dashed; border-color: #92400e; }
.label.hidden-evidence { background: #92400e; }
`;

type StyleReader = (element: Element) => CSSStyleDeclaration | null;

/** The outline's margin around the element and the gap between outline and label, in CSS pixels. */
const OUTLINE_MARGIN = 4;
const LABEL_GAP = 4;

/**
 * Where the one-line label goes, in viewport coordinates: above the outline if it fits in the viewport, else
 * below it, else inside the viewport's top edge; its left edge follows the outline's but keeps the label on
 * screen. Never over the element unless the element fills the viewport.
 */
export function labelPlace(
  target: Pick<DOMRect, 'left' | 'top' | 'bottom'>,
  label: Pick<DOMRect, 'width' | 'height'>,
  viewportWidth: number,
  viewportHeight: number,
): { left: number; top: number } {
  const above = target.top - OUTLINE_MARGIN - LABEL_GAP - label.height;
  const below = target.bottom + OUTLINE_MARGIN + LABEL_GAP;
  const top = above >= 0 ? above : below + label.height <= viewportHeight ? below : Math.max(0, Math.min(above, viewportHeight - label.height));
  const left = Math.max(OUTLINE_MARGIN, Math.min(target.left - OUTLINE_MARGIN, viewportWidth - label.width - OUTLINE_MARGIN));
  return { left, top };
}

/**
 * Why a person cannot see `element` in the live page, or null when it can be seen. Attribute-based reasons first
 * (they also hold without layout), then computed style, then layout.
 */
export function hiddenReasonOf(element: Element, readStyle: StyleReader = computedStyle): HiddenReason | null {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return 'hidden-attribute';
    if (node.localName === 'noscript') return 'noscript';
    if (node.localName === 'details' && !node.hasAttribute('open') && node !== element) {
      const summary = node.querySelector(':scope > summary');
      if (!summary || !summary.contains(element)) return 'closed-details';
    }
    const style = readStyle(node);
    if (!style) continue;
    if (style.display === 'none') return 'display-none';
    if (style.opacity !== '' && Number(style.opacity) === 0) return 'opacity-zero';
  }
  const style = readStyle(element);
  if (style?.visibility === 'hidden' || style?.visibility === 'collapse') return 'visibility-hidden';
  if (style && Number.parseFloat(style.fontSize) > 0 && Number.parseFloat(style.fontSize) < TINY_FONT_PX) return 'tiny-font';
  if (style && style.color && style.color === backgroundOf(element, readStyle)) return 'same-colour';
  if (typeof element.getBoundingClientRect === 'function' && element.ownerDocument.defaultView?.getComputedStyle) {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return 'zero-size';
    const view = element.ownerDocument.defaultView;
    const doc = element.ownerDocument.documentElement;
    if (rect.right + view.scrollX <= 0 || rect.bottom + view.scrollY <= 0 || rect.left + view.scrollX >= doc.scrollWidth) {
      return 'off-screen';
    }
  }
  return null;
}

function computedStyle(element: Element): CSSStyleDeclaration | null {
  const view = element.ownerDocument.defaultView;
  if (view?.getComputedStyle) return view.getComputedStyle(element);
  return (element as HTMLElement).style ?? null;
}

/** The first opaque background behind an element's text. */
function backgroundOf(element: Element, readStyle: StyleReader): string | null {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const background = readStyle(node)?.backgroundColor;
    if (background && background !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(background)) return background;
  }
  return null;
}

/**
 * Shows a finding on the page: scrolls to the element, outlines it and labels it, in an overlay inside a shadow root
 * so the page's CSS cannot restyle or hide it. Evidence that is hidden is said to be hidden, with why, and the
 * nearest visible ancestor is outlined instead.
 */
export function createHighlighter(doc: Document) {
  let host: HTMLElement | null = null;
  let layer: HTMLElement | null = null;
  let current: { target: Element; label: string; hidden: boolean } | null = null;
  let frame = 0;
  /** While a capture runs the overlay is off the page and nothing draws it back. */
  let concealed = false;
  const view = doc.defaultView;

  function overlay(): HTMLElement {
    if (host?.isConnected && layer) return layer;
    host = doc.createElement('div');
    host.setAttribute(OVERLAY_ATTRIBUTE, '');
    // Inline !important outranks any page rule; the shadow root keeps page selectors out of the overlay itself.
    host.setAttribute(
      'style',
      'all: initial !important; position: absolute !important; top: 0 !important; left: 0 !important; ' +
        'width: 0 !important; height: 0 !important; overflow: visible !important; z-index: 2147483647 !important; ' +
        'pointer-events: none !important; display: block !important;',
    );
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = OVERLAY_CSS;
    layer = doc.createElement('div');
    shadow.append(style, layer);
    doc.documentElement.append(host);
    return layer;
  }

  function draw() {
    if (!current || concealed) return;
    const root = overlay();
    const rect = current.target.getBoundingClientRect();
    const left = rect.left + (view?.scrollX ?? 0);
    const top = rect.top + (view?.scrollY ?? 0);
    const box = doc.createElement('div');
    box.className = current.hidden ? 'box hidden-evidence' : 'box';
    box.style.cssText = `left:${left - 4}px;top:${top - 4}px;width:${rect.width + 8}px;height:${rect.height + 8}px`;
    const label = doc.createElement('div');
    label.className = current.hidden ? 'label hidden-evidence' : 'label';
    label.setAttribute('role', 'status');
    label.textContent = current.label;
    label.style.cssText = 'left:0;top:0;visibility:hidden';
    root.replaceChildren(box, label);
    const place = labelPlace(rect, label.getBoundingClientRect(), view?.innerWidth ?? 0, view?.innerHeight ?? 0);
    label.style.cssText = `left:${place.left + (view?.scrollX ?? 0)}px;top:${place.top + (view?.scrollY ?? 0)}px`;
  }

  function redraw() {
    if (!current || frame) return;
    frame =
      view?.requestAnimationFrame?.(() => {
        frame = 0;
        draw();
      }) ?? 0;
  }

  // Escape takes the outline away again; the page still gets the key.
  const onKey = (event: Event) => {
    if ((event as KeyboardEvent).key === 'Escape' && current) {
      current = null;
      layer?.replaceChildren();
    }
  };

  view?.addEventListener('resize', redraw);
  view?.addEventListener('scroll', redraw, { capture: true, passive: true });
  doc.addEventListener('keydown', onKey);

  return {
    /** `hiddenNote(reason)` is the text added to the label when the evidence is hidden. */
    show(selector: string, label: string, hiddenNote: (reason: HiddenReason) => string): HighlightResult {
      let element: Element | null;
      try {
        element = doc.querySelector(selector);
      } catch {
        element = null;
      }
      if (!element) {
        this.clear();
        return { found: false, hidden: false };
      }
      const reason = hiddenReasonOf(element);
      let target: Element = element;
      if (reason) {
        for (let node = element.parentElement; node && node !== doc.documentElement; node = node.parentElement) {
          target = node;
          if (!hiddenReasonOf(node)) break;
        }
      }
      target.scrollIntoView?.({ block: 'center', inline: 'nearest' });
      current = { target, label: reason ? `${label} — ${hiddenNote(reason)}` : label, hidden: reason !== null };
      draw();
      return reason ? { found: true, hidden: true, reason } : { found: true, hidden: false };
    },
    clear() {
      current = null;
      layer?.replaceChildren();
    },
    /** Takes the overlay off the page (its node too, so a saved page holds none) until `reveal`. */
    conceal() {
      concealed = true;
      host?.remove();
    },
    reveal() {
      concealed = false;
      if (current) draw();
    },
    /** Whether a node is (inside) the overlay: its changes are ours, not the page's. */
    owns(node: Node): boolean {
      return host !== null && (node === host || host.contains(node));
    },
    dispose() {
      view?.removeEventListener('resize', redraw);
      view?.removeEventListener('scroll', redraw, { capture: true });
      doc.removeEventListener('keydown', onKey);
      host?.remove();
      host = null;
      layer = null;
      current = null;
    },
  };
}

export type Highlighter = ReturnType<typeof createHighlighter>;
