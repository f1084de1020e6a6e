/**
 * The one normalisation every clause goes through before it is compared or digested: a reformatted page (line
 * wraps, full-width digits and letters, spaces between Chinese characters) is the same text. Chinese punctuation
 * stays as written, so a quoted sentence reads as on the page.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, ' ')
    .replace(/ (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) /g, '')
    .trim();
}

/** Sentences of a clause, each with its closing mark, and its heading line apart: what a changed clause's diff quotes. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if ('。！？；!?;\n'.includes(text[i])) {
      const sentence = text.slice(start, i + 1).trim();
      if (sentence) sentences.push(sentence);
      start = i + 1;
    }
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

/** `YYYY-MM-DD` to whole days since the epoch, for differences between calendar dates. */
export function dayNumber(isoDate: string): number {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}
