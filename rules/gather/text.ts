/** String helpers shared by the gatherer and the detectors. */

export const EXCERPT_MAX = 160;

/** Trim and bound a piece of text for evidence: a person must be able to read it, a report must stay small. */
export function excerpt(text: string, max = EXCERPT_MAX): string {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return trimmed.length <= max ? trimmed : trimmed.slice(0, max - 1) + '…';
}

/**
 * The line (between `\n`s) around [start, end), bounded to `max` characters centred on the range. Line breaks are
 * looked for only within `max` characters of the range, so on a page of one huge line each call costs `max`
 * characters, not the line.
 */
export function lineAround(text: string, start: number, end: number, max = EXCERPT_MAX): string {
  // A break farther than this cannot change the result: the line is longer than `max` and cut at the same place.
  const floor = Math.max(0, start - max - 1);
  let lineStart = floor;
  for (let i = Math.max(start - 1, 0); i >= floor; i--) {
    if (text.charCodeAt(i) === 10) {
      lineStart = i + 1;
      break;
    }
  }
  const ceiling = Math.min(text.length, end + max + 1);
  let lineEnd = ceiling;
  for (let i = end; i < ceiling; i++) {
    if (text.charCodeAt(i) === 10) {
      lineEnd = i;
      break;
    }
  }
  if (lineEnd - lineStart <= max) return text.slice(lineStart, lineEnd).trim();
  const room = Math.max(0, max - (end - start));
  const from = Math.max(lineStart, start - Math.floor(room / 2));
  const to = Math.min(lineEnd, Math.max(end, from + max));
  return (from > lineStart ? '…' : '') + text.slice(from, to).trim() + (to < lineEnd ? '…' : '');
}

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;

/**
 * Full-width ASCII (U+FF01–FF5E) folded to ASCII and the ideographic space to a space, one character for one, so
 * offsets into the folded text are offsets into the original: `京ＩＣＰ证１６００９３号` matches as `京ICP证160093号`.
 */
export function foldWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/**
 * The stretches of page text findings already hold, so a detector can ask "does this overlap a finding?" at the
 * cost of the stretch asked about, not of the findings so far (a hostile page has tens of thousands). Kept as bits
 * in 32-character blocks, only for the blocks findings touch: a typed array the length of the text, allocated by
 * every detector on every audit, cost more than the detectors' own work on a small page (an ArrayBuffer is a
 * browser allocation, about 15 µs for 1,000 characters).
 */
export class ClaimedText {
  /** Bit `i` of block `b` is the character at `b * 32 + i`. */
  private readonly blocks = new Map<number, number>();

  constructor(private readonly length: number) {}

  claim(start: number, end: number): void {
    const to = Math.min(end, this.length);
    for (let at = Math.max(0, start); at < to; ) {
      const block = at >>> 5;
      const next = Math.min(to, (block + 1) << 5);
      this.blocks.set(block, (this.blocks.get(block) ?? 0) | bitsOf(at & 31, next - (block << 5)));
      at = next;
    }
  }

  /** Whether the character at `offset` belongs to a finding. */
  holds(offset: number): boolean {
    if (offset < 0 || offset >= this.length) return false;
    const bits = this.blocks.get(offset >>> 5);
    return bits !== undefined && ((bits >>> (offset & 31)) & 1) === 1;
  }

  /** Whether any character of the non-empty [start, end) belongs to a finding. */
  overlaps(start: number, end: number): boolean {
    if (this.blocks.size === 0) return false;
    const to = Math.min(end, this.length);
    for (let at = Math.max(0, start); at < to; ) {
      const block = at >>> 5;
      const next = Math.min(to, (block + 1) << 5);
      const bits = this.blocks.get(block);
      if (bits !== undefined && (bits & bitsOf(at & 31, next - (block << 5))) !== 0) return true;
      at = next;
    }
    return false;
  }
}

/** The bits from `from` (0-31) up to, not including, `to` (1-32) of a 32-bit block. */
function bitsOf(from: number, to: number): number {
  const below = to === 32 ? -1 : (1 << to) - 1;
  return below & ~((1 << from) - 1);
}

/**
 * Whether a lower-cased text holds any of `words` (lower-case): a pattern every match of which holds one of them
 * need not scan a text that holds none.
 */
export function holdsAnyWord(lowered: string, words: readonly string[]): boolean {
  return words.some((word) => lowered.includes(word));
}

const stickyCopies = new WeakMap<RegExp, RegExp>();
const globalCopies = new WeakMap<RegExp, RegExp>();

/** The pattern with the `g` flag (and not `y`), made once per pattern: a scan moves it on by its `lastIndex`. */
export function globalCopy(pattern: RegExp): RegExp {
  let copy = globalCopies.get(pattern);
  if (copy === undefined) {
    copy = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '') + 'g');
    globalCopies.set(pattern, copy);
  }
  return copy;
}

/** Where `anchor` next occurs in `text` at or after `from`: a literal by the native `indexOf`, a pattern by its own scan. */
function anchorAt(text: string, anchor: string | RegExp, from: number): number {
  if (typeof anchor === 'string') return text.indexOf(anchor, from);
  const scan = globalCopy(anchor);
  scan.lastIndex = from;
  return scan.exec(text)?.index ?? -1;
}

/**
 * The matches a scan of the whole text with the global `pattern` finds, in the same order, found by trying the
 * pattern only near `anchor`: a literal (or a pattern of literals, such as `/icp/i` or `/认证|verified/i`) every match
 * holds, at most `reach` characters after the match's start. The anchor is found by the native `indexOf` (or one
 * scan for the anchor pattern), and each occurrence costs at most `reach + 1` sticky attempts, so a page without
 * the anchor costs one search and the pattern's own scan of every position is never run.
 */
export function* matchesNear(
  text: string,
  pattern: RegExp,
  anchor: string | RegExp,
  reach: number,
): Generator<RegExpExecArray> {
  let sticky = stickyCopies.get(pattern);
  if (sticky === undefined) {
    sticky = new RegExp(pattern.source, pattern.flags.replace('g', '') + 'y');
    stickyCopies.set(pattern, sticky);
  }
  // Where the next match may start: a scan of the whole text resumes after the match it found.
  let from = 0;
  for (let at = anchorAt(text, anchor, 0); at !== -1; at = anchorAt(text, anchor, Math.max(at + 1, from))) {
    // A match that ends before this anchor leaves the anchor to a later match: go on trying after it.
    let start = Math.max(from, at - reach);
    while (start <= at) {
      sticky.lastIndex = start;
      const match = sticky.exec(text);
      if (match === null) {
        start++;
        continue;
      }
      yield match;
      from = start + Math.max(match[0].length, 1);
      start = from;
    }
  }
}
