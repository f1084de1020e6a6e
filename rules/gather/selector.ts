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
    else if (code >= 0x80 || ch === '-' || ch === '_' || /[0-9A-Za-z]/.test(ch)) out += ch;
    else out += '\\' + ch;
  }
  return out;
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
  const steps: string[] = [];
  let node: Element | null = el;
  let root: Node | null = null;
  while (node) {
    const id = node.getAttribute('id');
    if (id) {
      root ??= rootOf(el);
      if (ids.first(root, id) === node) {
        steps.push('#' + cssEscape(id));
        break;
      }
    }
    const parent: Node | null = node.parentNode;
    if (!parent || parent.nodeType !== 1) {
      // Top of the root: `html` in a document; in a shadow root the top element needs its position.
      const alone = !node.previousElementSibling && !node.nextElementSibling;
      steps.push(parent && parent.nodeType === 9 && alone ? cssEscape(node.localName) : nthOfTypeStep(node));
      break;
    }
    // A document has one body and one head: their names alone are enough.
    steps.push(node.localName === 'body' || node.localName === 'head' ? node.localName : nthOfTypeStep(node));
    node = parent as Element;
  }
  return steps.reverse().join(' > ');
}
