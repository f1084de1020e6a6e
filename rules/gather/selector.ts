/**
 * CSS selectors that find an element again: `#id` when the id is the first of its name in its root (so
 * querySelector returns this element even if the page repeats ids), else a short `tag:nth-of-type(n)` path from
 * the nearest such id, or from the root. Built iteratively: pages nest thousands of levels deep.
 */

/** CSS.escape for identifiers (linkedom has no CSS global). */
export function cssEscape(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i);
    const code = value.charCodeAt(i);
    if (code === 0) out += '\uFFFD';
    else if ((code >= 1 && code <= 0x1f) || code === 0x7f) out += '\\' + code.toString(16) + ' ';
    else if (i === 0 && code >= 48 && code <= 57) out += '\\' + code.toString(16) + ' ';
    else if (i === 1 && code >= 48 && code <= 57 && value.charAt(0) === '-') out += '\\' + code.toString(16) + ' ';
    else if (i === 0 && ch === '-' && value.length === 1) out += '\\-';
    else if (code >= 0x80 || ch === '-' || ch === '_' || isAsciiAlphanumeric(code)) out += ch;
    else out += '\\' + ch;
  }
  return out;
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * The first element holding an id in a root (document or shadow root), looked up on demand and memoised: only the
 * ancestors of facts are ever asked, so reading every element's id during the walk would be wasted work.
 */
export class IdIndex {
  private readonly memo = new Map<Node, Map<string, Element | null>>();

  first(root: Node, id: string): Element | null {
    let ids = this.memo.get(root);
    if (!ids) this.memo.set(root, (ids = new Map()));
    let found = ids.get(id);
    if (found === undefined) {
      const scope = root as Document & { getElementById?: (id: string) => Element | null };
      try {
        found =
          typeof scope.getElementById === 'function'
            ? scope.getElementById(id)
            : ((root as ParentNode).querySelector?.('#' + cssEscape(id)) ?? null);
      } catch {
        found = null;
      }
      ids.set(id, found);
    }
    return found;
  }
}

export function nthOfTypeStep(el: Element): string {
  const name = el.localName;
  let index = 1;
  for (let sib = el.previousElementSibling; sib; sib = sib.previousElementSibling) {
    if (sib.localName === name) index++;
  }
  return `${cssEscape(name)}:nth-of-type(${index})`;
}

/** The root (document or shadow root) an element lives in. */
export function rootOf(el: Node): Node {
  let node: Node = el;
  while (node.parentNode) node = node.parentNode;
  return node;
}

export function selectorFor(el: Element, ids: IdIndex): string {
  return new Selectors(ids).of(el);
}

/**
 * Selectors for the elements of one audit, each built once: an element's selector is its parent's plus one step,
 * so the ancestors' selectors, steps and roots are kept and a deep tree costs each element one step, not its
 * depth. An element's nth-of-type step is counted for all its siblings at once, so a wide list costs one pass.
 */
export class Selectors {
  private readonly selectors = new Map<Element, string>();
  private readonly steps = new Map<Node, string>();
  private readonly roots = new Map<Node, Node>();
  private readonly names = new Map<string, string>();

  constructor(private readonly ids: IdIndex) {}

  of(el: Element): string {
    const known = this.selectors.get(el);
    if (known !== undefined) return known;
    // Climb to the first ancestor with a selector, an id that is first in its root, or the top of the root.
    const chain: Element[] = [];
    const parts: string[] = [];
    let selector = '';
    let node: Element = el;
    for (;;) {
      const memo = this.selectors.get(node);
      if (memo !== undefined) {
        selector = memo;
        break;
      }
      const id = node.getAttribute('id');
      if (id && this.ids.first(this.rootOf(node), id) === node) {
        chain.push(node);
        parts.push('#' + cssEscape(id));
        break;
      }
      const parent: Node | null = node.parentNode;
      if (!parent || parent.nodeType !== 1) {
        // Top of the root: `html` in a document; in a shadow root the top element needs its position.
        const alone = !node.previousElementSibling && !node.nextElementSibling;
        chain.push(node);
        parts.push(parent && parent.nodeType === 9 && alone ? this.escapedName(node.localName) : this.nthOfType(node));
        break;
      }
      chain.push(node);
      // A document has one body and one head: their names alone are enough.
      parts.push(node.localName === 'body' || node.localName === 'head' ? node.localName : this.nthOfType(node));
      node = parent as Element;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      selector = selector ? `${selector} > ${parts[i]}` : parts[i];
      this.selectors.set(chain[i], selector);
    }
    return selector;
  }

  /** The root (document or shadow root) a node lives in, remembered for every node on the way up. */
  rootOf(node: Node): Node {
    const chain: Node[] = [];
    let current: Node = node;
    let root: Node | undefined;
    for (;;) {
      root = this.roots.get(current);
      if (root) break;
      chain.push(current);
      if (!current.parentNode) {
        root = current;
        break;
      }
      current = current.parentNode;
    }
    for (const visited of chain) this.roots.set(visited, root);
    return root;
  }

  /** `tag:nth-of-type(n)`, counted in one pass over the parent's children for all of them. */
  private nthOfType(el: Element): string {
    const known = this.steps.get(el);
    if (known !== undefined) return known;
    const parent = el.parentNode;
    if (!parent) return nthOfTypeStep(el);
    const counts = new Map<string, number>();
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      const name = (child as Element).localName;
      const index = (counts.get(name) ?? 0) + 1;
      counts.set(name, index);
      this.steps.set(child, `${this.escapedName(name)}:nth-of-type(${index})`);
    }
    return this.steps.get(el) ?? nthOfTypeStep(el);
  }

  private escapedName(name: string): string {
    let escaped = this.names.get(name);
    if (escaped === undefined) {
      escaped = cssEscape(name);
      if (this.names.size < 4096) this.names.set(name, escaped);
    }
    return escaped;
  }
}
