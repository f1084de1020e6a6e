/**
 * Context checks shared by detectors that read free text: user-generated areas (Q&A, reviews, comments) say
 * things the operator does not disclose, so numbers and addresses found there are not the operator's.
 */
import type { PageView } from './page';

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

export function inUserContent(page: PageView, offset: number): boolean {
  const lineStart = page.text.lastIndexOf('\n', offset - 1) + 1;
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
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let from = lineStart;
  if (text.slice(lineStart, offset).trim() === '' && lineStart > 0) {
    from = text.lastIndexOf('\n', lineStart - 2) + 1;
  }
  return text.slice(Math.max(from, offset - max), offset).replace(/\s+/g, ' ').trimEnd();
}
