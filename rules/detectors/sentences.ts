/** Sentence bounds in the page text, for detectors that quote the whole sentence a phrase sits in. */

const MAX_SENTENCE = 300;

/** Whether the character at `i` ends a sentence: 。！？!?；; or a line break, or a full stop after a word. */
function endsSentence(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  switch (code) {
    case 0x3002: // 。
    case 0xff01: // ！
    case 0xff1f: // ？
    case 0x21: // !
    case 0x3f: // ?
    case 0xff1b: // ；
    case 0x3b: // ;
    case 0x0a: // \n
      return true;
    case 0x2e: {
      // A dot after a digit is a decimal point or a numbered item; a sentence's full stop is followed by a space.
      const before = i > 0 ? text.charCodeAt(i - 1) : -1;
      if (before >= 0x30 && before <= 0x39) return false;
      return i + 1 >= text.length || /\s/.test(text.charAt(i + 1));
    }
    default:
      return false;
  }
}

/**
 * [start, end) of the sentence around `offset`, bounded so a run-on page never yields a huge quote. Both ends are
 * looked for only within MAX_SENTENCE characters of the phrase, so each call costs at most that much.
 */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  const floor = Math.max(0, start - MAX_SENTENCE);
  let from = floor;
  for (let i = start - 1; i >= floor; i--) {
    if (endsSentence(text, i)) {
      from = i + 1;
      break;
    }
  }
  const ceiling = Math.min(text.length, end + MAX_SENTENCE);
  let to = ceiling;
  for (let i = end; i < ceiling; i++) {
    if (endsSentence(text, i)) {
      to = i + 1;
      break;
    }
  }
  return [from, to];
}

/** The clause (between commas) before a phrase: where a negation such as 不会 or "will not" would sit. */
export function clauseBefore(text: string, sentenceStart: number, phraseStart: number): string {
  const before = text.slice(sentenceStart, phraseStart);
  const comma = Math.max(before.lastIndexOf('，'), before.lastIndexOf(','), before.lastIndexOf('：'), before.lastIndexOf(':'));
  return before.slice(comma + 1);
}

const MAX_QUOTE = 240;

/** The sentence as a quote: whole when short, else a window around the phrase with ellipses. */
export function quoteSentence(text: string, sentenceStart: number, sentenceEnd: number, start: number, end: number): string {
  const sentence = text.slice(sentenceStart, sentenceEnd).replace(/\s+/g, ' ').trim();
  if (sentence.length <= MAX_QUOTE) return sentence;
  const room = Math.max(0, MAX_QUOTE - (end - start));
  const from = Math.max(sentenceStart, start - Math.floor(room / 2));
  const to = Math.min(sentenceEnd, from + Math.max(MAX_QUOTE, end - from));
  const window = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return (from > sentenceStart ? '…' : '') + window + (to < sentenceEnd ? '…' : '');
}
