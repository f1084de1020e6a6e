/**
 * Visibility of the elements that carry facts, computed lazily and memoised per element: computed style is
 * expensive, and only a few hundred elements of a 50,000-element page ever carry a fact.
 *
 * Static mode (linkedom: no computed style, no layout): only inline styles and attributes can prove an element
 * hidden; anything else is `null`, "needs a browser", never guessed visible.
 */
import type { AuditMode, HiddenReason, Visibility } from '../types';

export interface VisibilityVerdict {
  visible: Visibility;
  hiddenReason?: HiddenReason;
}

const UNKNOWN: VisibilityVerdict = { visible: null };
const SHOWN: VisibilityVerdict = { visible: true };
const MIN_FONT_PX = 9;
const OFF_SCREEN_PX = -1000;

/** Hidden by the element's own attributes or inline style, regardless of its ancestors. */
export function ownStaticHidden(el: Element): HiddenReason | null {
  const name = el.localName;
  if (name === 'noscript') return 'noscript';
  if (el.hasAttribute('hidden')) return 'hidden-attribute';
  const style = el.getAttribute('style');
  return style ? inlineStyleHidden(style) : null;
}

/** Reads an inline style attribute for the declarations that hide content. */
export function inlineStyleHidden(style: string): HiddenReason | null {
  const decls = new Map<string, string>();
  for (const part of style.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const prop = part.slice(0, colon).trim().toLowerCase();
    const value = part.slice(colon + 1).replace(/!important/i, '').trim().toLowerCase();
    if (prop) decls.set(prop, value);
  }
  if (decls.get('display') === 'none') return 'display-none';
  const visibility = decls.get('visibility');
  if (visibility === 'hidden' || visibility === 'collapse') return 'visibility-hidden';
  const opacity = decls.get('opacity');
  if (opacity !== undefined && /^0*(\.0*)?%?$/.test(opacity) && opacity !== '') return 'opacity-zero';
  const fontSize = decls.get('font-size');
  const px = fontSize ? /^(\d*\.?\d+)px$/.exec(fontSize) : null;
  if (px && Number(px[1]) < MIN_FONT_PX) return 'tiny-font';
  for (const prop of ['left', 'top', 'text-indent', 'margin-left']) {
    const offset = decls.get(prop);
    const value = offset ? /^(-\d*\.?\d+)px$/.exec(offset) : null;
    if (value && Number(value[1]) <= OFF_SCREEN_PX) return 'off-screen';
  }
  const color = decls.get('color');
  const background = decls.get('background-color') ?? decls.get('background');
  if (color && background && color === background) return 'same-colour';
  return null;
}

/** Parent across shadow boundaries; the shadow root's host stands for the root. */
function parentElementOf(el: Element): Element | null {
  const parent = el.parentNode;
  if (!parent) return null;
  if (parent.nodeType === 1) return parent as Element;
  if (parent.nodeType === 11 && (parent as ShadowRoot).host) return (parent as ShadowRoot).host;
  return null;
}

/** Closed `<details>` hide everything but their first summary. */
function hiddenByDetails(child: Element, parent: Element): boolean {
  return parent.localName === 'details' && !parent.hasAttribute('open') && child.localName !== 'summary';
}

export class VisibilityProbe {
  private readonly staticMemo = new Map<Element, HiddenReason | null>();
  private readonly verdictMemo = new Map<Element, VisibilityVerdict>();
  private readonly backgroundMemo = new Map<Element, string | null>();

  constructor(
    private readonly mode: AuditMode,
    private readonly view: (Window & typeof globalThis) | null,
  ) {}

  of(el: Element): VisibilityVerdict {
    const known = this.verdictMemo.get(el);
    if (known) return known;
    const reason = this.staticHidden(el);
    let verdict: VisibilityVerdict;
    if (reason) verdict = { visible: false, hiddenReason: reason };
    else if (this.mode === 'browser' && this.view) verdict = this.computed(el);
    else verdict = UNKNOWN;
    this.verdictMemo.set(el, verdict);
    return verdict;
  }

  /** Inline/attribute hiding of the element or any ancestor; iterative, memoised along the chain. */
  private staticHidden(el: Element): HiddenReason | null {
    const chain: Element[] = [];
    let node: Element | null = el;
    let inherited: HiddenReason | null = null;
    while (node) {
      const memo = this.staticMemo.get(node);
      if (memo !== undefined) {
        inherited = memo;
        break;
      }
      chain.push(node);
      node = parentElementOf(node);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const current = chain[i];
      if (!inherited) {
        const parent = parentElementOf(current);
        inherited = parent && hiddenByDetails(current, parent) ? 'closed-details' : ownStaticHidden(current);
      }
      this.staticMemo.set(current, inherited);
    }
    return inherited;
  }

  private computed(el: Element): VisibilityVerdict {
    const view = this.view!;
    try {
      const check = (el as Element & { checkVisibility?: (o: object) => boolean }).checkVisibility;
      if (check && !check.call(el, { opacityProperty: true, visibilityProperty: true })) {
        return { visible: false, hiddenReason: this.hiddenAncestorReason(el) };
      }
      const style = view.getComputedStyle(el);
      if (style.display === 'none') return { visible: false, hiddenReason: 'display-none' };
      if (style.visibility === 'hidden' || style.visibility === 'collapse') {
        return { visible: false, hiddenReason: 'visibility-hidden' };
      }
      if (Number(style.opacity) === 0) return { visible: false, hiddenReason: 'opacity-zero' };
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0 && el.localName !== 'a') {
        return { visible: false, hiddenReason: 'zero-size' };
      }
      const scrollX = view.scrollX || 0;
      const scrollY = view.scrollY || 0;
      if (rect.right + scrollX <= 0 || rect.bottom + scrollY <= 0) return { visible: false, hiddenReason: 'off-screen' };
      const hasText = (el.textContent ?? '').trim() !== '';
      if (hasText && parseFloat(style.fontSize) < MIN_FONT_PX) return { visible: false, hiddenReason: 'tiny-font' };
      if (hasText && style.color === this.backgroundOf(el)) return { visible: false, hiddenReason: 'same-colour' };
      return SHOWN;
    } catch {
      return UNKNOWN;
    }
  }

  /** Which ancestor rule hid an element that checkVisibility() rejected. */
  private hiddenAncestorReason(el: Element): HiddenReason {
    for (let node: Element | null = el; node; node = parentElementOf(node)) {
      const style = this.view!.getComputedStyle(node);
      if (style.display === 'none') return 'display-none';
      if (Number(style.opacity) === 0) return 'opacity-zero';
      if (style.visibility === 'hidden' || style.visibility === 'collapse') return 'visibility-hidden';
    }
    return 'display-none';
  }

  /** The first opaque background behind an element, memoised along the ancestor chain. */
  private backgroundOf(el: Element): string {
    const chain: Element[] = [];
    let found: string | null = null;
    for (let node: Element | null = el; node; node = parentElementOf(node)) {
      const memo = this.backgroundMemo.get(node);
      if (memo !== undefined) {
        found = memo;
        break;
      }
      chain.push(node);
      const bg = this.view!.getComputedStyle(node).backgroundColor;
      if (bg && bg !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(bg)) {
        found = bg;
        break;
      }
    }
    for (const node of chain) this.backgroundMemo.set(node, found);
    // With no opaque ancestor the canvas shows through, and the default canvas is white.
    return found ?? 'rgb(255, 255, 255)';
  }
}
