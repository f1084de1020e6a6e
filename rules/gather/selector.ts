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

/** Elements whose id is the first holder of that id in their root; filled by the walker as it goes. */
export type FirstById = Map<Node, Map<string, Element>>;

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

export function selectorFor(el: Element, firstById: FirstById): string {
  const steps: string[] = [];
  let node: Element | null = el;
  let root: Node | null = null;
  while (node) {
    const id = node.getAttribute('id');
    if (id) {
      root ??= rootOf(el);
      if (firstById.get(root)?.get(id) === node) {
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
