/** String helpers shared by the gatherer and the detectors. */

export const EXCERPT_MAX = 160;

/** Trim and bound a piece of text for evidence: a person must be able to read it, a report must stay small. */
export function excerpt(text: string, max = EXCERPT_MAX): string {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return trimmed.length <= max ? trimmed : trimmed.slice(0, max - 1) + '…';
}

/** The line (between `\n`s) around [start, end), bounded to `max` characters centred on the range. */
export function lineAround(text: string, start: number, end: number, max = EXCERPT_MAX): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  if (lineEnd - lineStart <= max) return text.slice(lineStart, lineEnd).trim();
  const room = Math.max(0, max - (end - start));
  const from = Math.max(lineStart, start - Math.floor(room / 2));
  const to = Math.min(lineEnd, Math.max(end, from + max));
  return (from > lineStart ? '…' : '') + text.slice(from, to).trim() + (to < lineEnd ? '…' : '');
}
