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
  const decls = inlineDeclarations(style);
  if (decls.get('display') === 'none') return 'display-none';
  const visibility = decls.get('visibility');
  if (visibility === 'hidden' || visibility === 'collapse') return 'visibility-hidden';
  const opacity = decls.get('opacity');
  if (opacity !== undefined && /^0*(\.0*)?%?$/.test(opacity) && opacity !== '') return 'opacity-zero';
  const fontPx = fontSizePx(decls.get('font-size'));
  if (fontPx !== null && fontPx < MIN_FONT_PX) return 'tiny-font';
  if (collapsed(decls)) return 'zero-size';
  for (const prop of ['left', 'top', 'text-indent', 'margin-left']) {
    const offset = decls.get(prop);
    const value = offset ? /^(-(?:\d+(?:\.\d+)?|\.\d+))px$/.exec(offset) : null;
    if (value && Number(value[1]) <= OFF_SCREEN_PX) return 'off-screen';
  }
  const color = normalColour(decls.get('color'));
  const background = normalColour(decls.get('background-color') ?? decls.get('background'));
  if (color && background && color === background) return 'same-colour';
  return null;
}

/** The properties whose inline values can hide content; no other value is read. */
const HIDING_PROPERTIES = new Set([
  'display', 'visibility', 'opacity', 'font-size', 'overflow', 'width', 'height', 'max-width', 'max-height', 'clip',
  'clip-path', 'transform', 'left', 'top', 'text-indent', 'margin-left', 'color', 'background-color', 'background',
]);

/**
 * Parses the declarations of an inline style attribute that can hide content. Other values (a saved page's inline
 * `background-image: url(data:…)` runs to megabytes) are never copied, trimmed or lower-cased.
 */
export function inlineDeclarations(style: string): Map<string, string> {
  const decls = new Map<string, string>();
  for (const part of style.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const prop = part.slice(0, colon).trim().toLowerCase();
    if (!HIDING_PROPERTIES.has(prop)) continue;
    decls.set(prop, part.slice(colon + 1).replace(/!important/i, '').trim().toLowerCase());
  }
  return decls;
}

/** A font size in CSS pixels, taking em/rem/% against the 16 px default; null when not a length. */
export function fontSizePx(value: string | undefined): number | null {
  if (!value) return null;
  // `\d*\.?\d+` written so that it cannot backtrack over a long run of digits.
  const m = /^(\d+(?:\.\d+)?|\.\d+)(px|pt|em|rem|%)?$/.exec(value);
  if (!m) return null;
  const size = Number(m[1]);
  switch (m[2]) {
    case 'pt':
      return (size * 4) / 3;
    case 'em':
    case 'rem':
      return size * 16;
    case '%':
      return (size / 100) * 16;
    default:
      return m[2] === 'px' || size === 0 ? size : null;
  }
}

/** Boxes with no room to show anything: zero width or height with overflow hidden, a zero clip, scale(0). */
function collapsed(decls: Map<string, string>): boolean {
  const overflowHidden = /hidden|clip/.test(decls.get('overflow') ?? '');
  const zero = (prop: string) => /^0(px|em|rem|%)?$/.test(decls.get(prop) ?? '');
  if (overflowHidden && (zero('width') || zero('height') || zero('max-height') || zero('max-width'))) return true;
  if (/^rect\(\s*0(px)?[\s,]+0(px)?[\s,]+0(px)?[\s,]+0(px)?\s*\)$/.test(decls.get('clip') ?? '')) return true;
  if (/^inset\(\s*(50|100)%\s*\)$/.test(decls.get('clip-path') ?? '')) return true;
  return /scale\(\s*0\s*\)/.test(decls.get('transform') ?? '');
}

const NAMED_COLOURS: Record<string, string> = {
  white: '#ffffff', black: '#000000', red: '#ff0000', transparent: 'transparent',
};

/** A colour as #rrggbb (or null when it is not a plain colour), so #fff, white and rgb(255,255,255) compare equal. */
export function normalColour(value: string | undefined): string | null {
  if (!value) return null;
  const text = value.trim().toLowerCase();
  if (NAMED_COLOURS[text]) return NAMED_COLOURS[text];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  if (/^#[0-9a-f]{6}$/.test(text)) return text;
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)\s*(?:[,/]\s*([\d.]+%?)\s*)?\)$/.exec(text);
  if (rgb) {
    if (rgb[4] !== undefined && parseFloat(rgb[4]) === 0) return 'transparent';
    return '#' + [rgb[1], rgb[2], rgb[3]].map((n) => Math.min(255, Number(n)).toString(16).padStart(2, '0')).join('');
  }
  // `background: #fff url(x) no-repeat` starts with its colour.
  const first = text.split(/\s+/)[0];
  return first !== text ? normalColour(first) : null;
}

/**
 * Static mode: the text colour and the background come from the nearest inline declarations up the tree
 * (`<div style="background:#fff"><span style="color:#fff">`). Only both being inline proves anything.
 */
function inlineColoursMatch(el: Element): boolean {
  let color: string | null = null;
  let background: string | null = null;
  for (let node: Element | null = el; node && !(color && background); node = parentElementOf(node)) {
    const style = node.getAttribute('style');
    if (!style) continue;
    const decls = inlineDeclarations(style);
    color ??= normalColour(decls.get('color'));
    const bg = normalColour(decls.get('background-color') ?? decls.get('background'));
    if (bg && bg !== 'transparent') background ??= bg;
  }
  return color !== null && color === background;
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

/**
 * Whether any text under the element is more than white space: the first such text node ends the search, so a
 * large container is not copied whole (`textContent`) to learn that it has words.
 */
function holdsText(el: Element): boolean {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node.nodeValue ?? '').trim() !== '') return true;
  }
  return false;
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
    else if (inlineColoursMatch(el)) verdict = { visible: false, hiddenReason: 'same-colour' };
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
      // Where checkVisibility passed, the element has a box, is visible and not transparent: each style read costs.
      if (!check) {
        if (style.display === 'none') return { visible: false, hiddenReason: 'display-none' };
        if (style.visibility === 'hidden' || style.visibility === 'collapse') {
          return { visible: false, hiddenReason: 'visibility-hidden' };
        }
        if (Number(style.opacity) === 0) return { visible: false, hiddenReason: 'opacity-zero' };
      }
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0 && el.localName !== 'a') {
        return { visible: false, hiddenReason: 'zero-size' };
      }
      const scrollX = view.scrollX || 0;
      const scrollY = view.scrollY || 0;
      if (rect.right + scrollX <= 0 || rect.bottom + scrollY <= 0) return { visible: false, hiddenReason: 'off-screen' };
      const hasText = holdsText(el);
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
