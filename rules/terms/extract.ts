/**
 * Reads a terms page into its clauses, stated dates and digest. Only the agreement's own text counts: the page's
 * header, footer, navigation, forms, login names and scripts are left out, so an unchanged agreement gives the same
 * digest on every visit. One iterative walk over the document: linear in the page, safe on deep trees.
 */
import { sha256Steps } from '../../utils/sha256';
import { runSteps, runStepsSliced, type Steps } from '../../utils/yield';
import { IdIndex, Selectors } from '../gather/selector';
import { canonicalUrl } from './canonical';
import { readStatedDates } from './dates';
import { normaliseText } from './normalise';
import type { StatedDates, TermsClause, TermsDocument, TermsDocumentKind } from './types';

/** What a stored version keeps at most: a real agreement is far smaller; a hostile page is cut, and says so. */
export const MAX_CLAUSES = 3000;
export const MAX_CLAUSE_TEXT = 400_000;

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'form', 'button', 'select', 'textarea', 'iframe', 'svg', 'nav', 'aside', 'object', 'canvas']);
/** A header or footer inside an article or main belongs to that article (its title and dates), so it is kept. */
const PAGE_CHROME = new Set(['header', 'footer']);
const CONTENT_SECTIONS = new Set(['article', 'main']);
const CHROME_ROLES = new Set(['banner', 'navigation', 'contentinfo', 'complementary', 'search', 'dialog']);
/** Class or id tokens of site chrome: `header`, `jd-footer`, `site-nav`, `login-info`, `topbar_wrap`. */
const CHROME_TOKEN =
  /^(?:[a-z0-9]{1,4}[-_])?(?:header|footer|nav|navbar|topbar|sidebar|breadcrumbs?|toolbar|shortcut|login|userinfo|user-info|copyright)(?:[-_]?(?:wrap|wrapper|box|container|inner|bar|main|v\d))?$/i;
const BLOCKS = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'dd', 'dl', 'tr', 'table', 'section',
  'article', 'main', 'blockquote', 'pre', 'center', 'figure', 'address', 'header', 'footer', 'hr', 'br', 'body',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** 第三条, 第二章, 一、, （一）, 3., 3.1, Article 3: the numbering a clause starts with. */
const NUMBERING =
  /^(第[一二三四五六七八九十百零〇两\d]{1,6}[条章节部分篇款]|[一二三四五六七八九十百]{1,4}\s{0,2}[、.．]|[（(]\s{0,2}[一二三四五六七八九十\d]{1,3}\s{0,2}[)）]|\d{1,3}(?:[.．]\d{1,3}){0,4}(?:[、.．]|\s)|(?:Article|Section|Clause)\s{1,3}\d{1,3}(?:\.\d{1,3}){0,3})/;

const PRIVACY_TITLE = /隐私政策|隐私权政策|隐私声明|隐私保护政策|个人信息保护政策|个人信息保护规则|privacy\s+(?:policy|notice|statement)/i;

interface Block {
  text: string;
  element: Element;
  heading: boolean;
}

function isChrome(el: Element, inContent: boolean): boolean {
  const name = el.localName;
  if (SKIPPED.has(name)) return true;
  if (PAGE_CHROME.has(name) && !inContent) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role && CHROME_ROLES.has(role.toLowerCase())) return true;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none/i.test(style)) return true;
  const id = el.getAttribute('id');
  if (id && CHROME_TOKEN.test(id)) return true;
  const classes = el.getAttribute('class');
  if (classes) for (const token of classes.split(/\s+/)) if (token && CHROME_TOKEN.test(token)) return true;
  return false;
}

/** How many nodes (or blocks) between the points where a sliced extraction may pause. */
const STEP = 500;

/** The page's text as blocks (paragraphs, list items, headings), in order, site chrome left out. */
function* readBlocks(doc: Document): Steps<Block[]> {
  const root = doc.body ?? doc.documentElement;
  if (!root) return [];
  const blocks: Block[] = [];
  let parts: string[] = [];
  let owner: Element = root;
  let heading = false;
  const flush = () => {
    const text = normaliseText(parts.join(''));
    if (text) blocks.push({ text, element: owner, heading });
    parts = [];
    heading = false;
  };
  // Entries are nodes to enter, or the number of content sections being left (`exit`).
  const stack: Array<{ node: Node; inContent: boolean } | { exit: Element }> = [{ node: root, inContent: false }];
  let visited = 0;
  while (stack.length > 0) {
    if (++visited % STEP === 0) yield;
    const entry = stack.pop()!;
    if ('exit' in entry) {
      if (BLOCKS.has(entry.exit.localName)) flush();
      continue;
    }
    const { node, inContent } = entry;
    if (node.nodeType === 3) {
      if (parts.length === 0) owner = node.parentElement ?? root;
      parts.push(node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (el !== root && isChrome(el, inContent)) continue;
    const name = el.localName;
    if (BLOCKS.has(name)) {
      flush();
      owner = el;
      if (HEADINGS.has(name)) heading = true;
    }
    if (name === 'td' || name === 'th') parts.push(' ');
    stack.push({ exit: el });
    const childContent = inContent || CONTENT_SECTIONS.has(name);
    for (let child = el.lastChild; child; child = child.previousSibling) stack.push({ node: child, inContent: childContent });
  }
  flush();
  return blocks;
}

function labelOf(text: string): string | null {
  const match = NUMBERING.exec(text);
  return match ? match[1].replace(/[、.．\s]+$/, '') : null;
}

/**
 * Clauses: each numbered block (or heading) starts one and the paragraphs after it belong to it; the text before
 * the first is the preamble. A text with fewer than two such starts is read paragraph by paragraph.
 */
function* clausesOf(blocks: readonly Block[], selectorOf: (el: Element) => string): Steps<TermsClause[]> {
  const labels: Array<string | null> = [];
  let starts = 0;
  for (const [i, block] of blocks.entries()) {
    if (i % STEP === STEP - 1) yield;
    labels.push(labelOf(block.text));
    if (labels[i] !== null || block.heading) starts++;
  }
  const paragraphs = starts < 2;
  const clauses: TermsClause[] = [];
  let current: TermsClause | null = null;
  for (const [i, block] of blocks.entries()) {
    if (i % STEP === STEP - 1) yield;
    if (paragraphs || current === null || labels[i] !== null || block.heading) {
      current = { label: labels[i], text: block.text, selector: selectorOf(block.element) };
      clauses.push(current);
    } else {
      current.text += '\n' + block.text;
    }
  }
  return clauses;
}

function kindOf(doc: Document, blocks: readonly Block[]): TermsDocumentKind {
  let title = '';
  try {
    title = doc.title ?? '';
  } catch {
    title = '';
  }
  const firstHeading = blocks.find((block) => block.heading)?.text ?? '';
  const opening = blocks.slice(0, 3).map((block) => block.text.slice(0, 80));
  return [title, firstHeading, ...opening].some((text) => PRIVACY_TITLE.test(text)) ? 'privacy-policy' : 'agreement';
}

/** Keeps whole clauses up to the limits; says when some were left out. */
function bounded(clauses: TermsClause[]): { clauses: TermsClause[]; truncated: boolean } {
  let total = 0;
  for (let i = 0; i < clauses.length; i++) {
    total += clauses[i].text.length;
    if (i >= MAX_CLAUSES || total > MAX_CLAUSE_TEXT) return { clauses: clauses.slice(0, i), truncated: true };
  }
  return { clauses, truncated: false };
}

/** The digest of the clause texts, one per line. */
export function termsDigest(clauses: readonly TermsClause[]): string {
  return runSteps(termsDigestSteps(clauses));
}

function termsDigestSteps(clauses: readonly TermsClause[]): Steps<string> {
  return sha256Steps(clauses.map((clause) => clause.text), '\n');
}

function* extractSteps(doc: Document, url: string): Steps<TermsDocument> {
  const blocks = yield* readBlocks(doc);
  const ids = new IdIndex();
  // One selector cache for the page: a long agreement's clauses are thousands of siblings.
  const selectors = new Selectors(ids);
  const selectorOf = (el: Element) => selectors.of(el);
  const dates: StatedDates = {};
  for (const [i, block] of blocks.entries()) {
    if (i % STEP === STEP - 1) yield;
    readStatedDates(block.text, () => selectorOf(block.element), dates);
  }
  yield;
  const { clauses, truncated } = bounded(yield* clausesOf(blocks, selectorOf));
  yield;
  const digest = yield* termsDigestSteps(clauses);
  yield;
  return {
    canonicalUrl: canonicalUrl(doc, url),
    kind: kindOf(doc, blocks),
    clauses,
    dates,
    digest,
    ...(truncated ? { truncated } : {}),
  };
}

export function extractTermsDocument(doc: Document, url: string): TermsDocument {
  return runSteps(extractSteps(doc, url));
}

/** The same extraction in time slices, for the content script: a long agreement never makes one long task. */
export function extractTermsDocumentAsync(doc: Document, url: string): Promise<TermsDocument> {
  return runStepsSliced(extractSteps(doc, url));
}
