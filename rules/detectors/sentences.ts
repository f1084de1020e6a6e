/** Sentence bounds in the page text, for detectors that quote the whole sentence a phrase sits in. */

const SENTENCE_END = /[。！？!?；;\n]|(?<!\d)\.(?=\s|$)/g;
const MAX_SENTENCE = 300;

/** [start, end) of the sentence around `offset`, bounded so a run-on page never yields a huge quote. */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  const floor = Math.max(0, start - MAX_SENTENCE);
  let from = floor;
  SENTENCE_END.lastIndex = floor;
  for (let m = SENTENCE_END.exec(text); m && m.index < start; m = SENTENCE_END.exec(text)) from = m.index + 1;
  SENTENCE_END.lastIndex = end;
  const next = SENTENCE_END.exec(text);
  const to = Math.min(next ? next.index + 1 : text.length, end + MAX_SENTENCE);
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
