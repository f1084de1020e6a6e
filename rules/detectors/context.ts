/**
 * Context checks shared by detectors that read free text: user-generated areas (Q&A, reviews, comments) say
 * things the operator does not disclose, so numbers and addresses found there are not the operator's.
 */
import type { PageView } from '../gather/page';

/** Class/id words of containers for buyers' questions, answers, reviews and comments. */
const USER_CONTENT_WORDS = new Set([
  'consult', 'question', 'questions', 'answer', 'answers', 'ask', 'qa', 'faq', 'comment', 'comments', 'review',
  'reviews', 'reply', 'replies', 'discuss', 'discussion', 'evaluate', 'evaluation', 'rate', 'rating', 'ratings',
  'pinglun', 'zixun', 'wenda',
]);

/** Whether a class/id names user content, word by word (`consult-0`, `J_askAnswer`, `comment_list`). */
export function namesUserContent(hint: string): boolean {
  const words = hint.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z]+/);
  return words.some((word) => USER_CONTENT_WORDS.has(word));
}

/** Lines that read as a reply in a conversation. */
const REPLY_LINE = /^\s*(您好|你好|亲[，,！!～~ ]|答[:：]|回复[:：]|问[:：]|A[:：]|Q[:：])/;

const ANCESTOR_LEVELS = 10;

const lineBreaks = new WeakMap<PageView, number[]>();

/**
 * Offsets of the page text's line breaks, found once per page: detectors ask for lines thousands of times. A plain
 * array, not a typed one: a browser allocates an ArrayBuffer at a cost a small page's whole audit notices.
 */
function lineBreaksOf(page: PageView): number[] {
  let breaks = lineBreaks.get(page);
  if (!breaks) {
    const text = page.text;
    breaks = [];
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) breaks.push(at);
    lineBreaks.set(page, breaks);
  }
  return breaks;
}

/** How many line breaks lie before `offset`, by binary search. */
function breaksBefore(breaks: readonly number[], offset: number): number {
  let low = 0;
  let high = breaks.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (breaks[mid] < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Start of the line holding `offset`: `text.lastIndexOf('\n', offset - 1) + 1` without scanning the line. */
export function lineStartOf(page: PageView, offset: number): number {
  const breaks = lineBreaksOf(page);
  // lastIndexOf with a negative position still looks at index 0.
  const index = breaksBefore(breaks, Math.max(offset, 1));
  return index > 0 ? breaks[index - 1] + 1 : 0;
}

/** End of the line from `offset` on: `text.indexOf('\n', offset)`, or the text's length when no break follows. */
export function lineEndOf(page: PageView, offset: number): number {
  const breaks = lineBreaksOf(page);
  const index = breaksBefore(breaks, offset);
  return index < breaks.length ? breaks[index] : page.text.length;
}

export function inUserContent(page: PageView, offset: number): boolean {
  const lineStart = lineStartOf(page, offset);
  if (REPLY_LINE.test(page.text.slice(lineStart, lineStart + 8))) return true;
  let el = page.elementAt(offset);
  // html and body classes describe the whole page (`page-qa`), not a buyers' section within it.
  for (let level = 0; el && level < ANCESTOR_LEVELS && el.localName !== 'body'; level++, el = el.parentElement) {
    const hint = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (hint.trim() && namesUserContent(hint)) return true;
  }
  return false;
}

/** The text before `offset` on its line, and the previous line when the line starts at the fact. */
export function textBefore(text: string, offset: number, max = 24): string {
  const floor = Math.max(0, offset - max);
  // Only breaks within `max` characters matter: the result is cut there anyway.
  const lineStart = lastBreakFrom(text, offset - 1, floor) + 1;
  let from = lineStart;
  if (lineStart > floor && text.slice(lineStart, offset).trim() === '') {
    from = lastBreakFrom(text, lineStart - 2, floor) + 1;
  }
  return text.slice(Math.max(from, floor), offset).replace(/\s+/g, ' ').trimEnd();
}

/** `text.lastIndexOf('\n', position)`, looking no further back than `floor` (-1 when none is there). */
function lastBreakFrom(text: string, position: number, floor: number): number {
  for (let i = Math.max(position, 0); i >= floor; i--) if (text.charCodeAt(i) === 10) return i;
  return -1;
}
