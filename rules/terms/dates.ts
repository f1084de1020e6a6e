/**
 * The dates a terms document states: 发布日期, 更新日期 / 更新于, 生效日期, "本协议自…起生效", "自发布之日起生效", 版本.
 * Every pattern is a fixed sequence of bounded repeats, so it cannot backtrack over a run of its input.
 */
import type { StatedDate, StatedDates } from './types';

const DATE = String.raw`(\d{4})\s{0,2}(?:年|[-/.])\s{0,2}(\d{1,2})\s{0,2}(?:月|[-/.])\s{0,2}(\d{1,2})`;
const SEP = String.raw`[：:\s]{0,3}`;

type DateKind = 'published' | 'updated' | 'effective';

const DATE_PATTERNS: Array<[DateKind, RegExp]> = [
  ['published', new RegExp(`(?:发布|公布|公示|颁布)(?:日期|时间|于|日)${SEP}${DATE}`)],
  ['published', new RegExp(`于${DATE}日?\\s{0,2}(?:发布|公布|公示)`)],
  ['published', new RegExp(`(?:published|posted)(?:\\s+on)?${SEP}${DATE}`, 'i')],
  ['updated', new RegExp(`(?:更新|修订|修改)(?:日期|时间|于|日)${SEP}${DATE}`)],
  ['updated', new RegExp(`(?:最近|最后|最新)(?:一次)?(?:更新|修订)(?:日期|时间)?${SEP}(?:于)?${SEP}${DATE}`)],
  ['updated', new RegExp(`(?:last\\s+)?(?:updated|revised)(?:\\s+on)?${SEP}${DATE}`, 'i')],
  ['effective', new RegExp(`(?:生效|施行|实施)(?:日期|时间)${SEP}${DATE}`)],
  ['effective', new RegExp(`(?:自|于|从)${DATE}日?\\s{0,2}(?:起)?\\s{0,2}(?:正式)?(?:生效|施行|实施)`)],
  ['effective', new RegExp(`effective(?:\\s+date)?(?:\\s+(?:on|from|as\\s+of))?${SEP}${DATE}`, 'i')],
];

const YEAR = /\d{4}/;

const ON_PUBLICATION =
  /自(?:发布|公布|公示|更新)之日起(?:正式)?(?:生效|施行|实施)|一经(?:公布|发布|公示)即(?:时)?生效|effective\s+(?:immediately\s+)?(?:up)?on\s+(?:publication|posting)/i;

const VERSION = /(?:版本号?|version)\s{0,2}[：:]\s{0,2}([Vv]?\d{1,4}(?:\.\d{1,4}){0,3}|[^\s，。；,]{1,20}版)/i;

const QUOTE_LIMIT = 160;

/** The sentence around a match, at most QUOTE_LIMIT characters, for the result to quote. */
function quoteAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && start - from < QUOTE_LIMIT / 2 && !'。；！？\n'.includes(text[from - 1])) from--;
  let to = end;
  while (to < text.length && to - from < QUOTE_LIMIT && !'。；！？\n'.includes(text[to - 1] ?? '')) to++;
  return text.slice(from, to).trim();
}

function isoDate(year: string, month: string, day: string): string | null {
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Reads one block's text into `dates`, keeping the first date of each kind the document states. */
/** `selectorOf` is asked only when a date is found: most blocks state none. */
export function readStatedDates(text: string, selectorOf: () => string, dates: StatedDates): void {
  // Every dated pattern holds a year's four digits: a block without them (most of an agreement) is not tried nine times.
  const holdsYear = YEAR.test(text);
  for (const [kind, pattern] of DATE_PATTERNS) {
    if (!holdsYear) break;
    if (dates[kind]) continue;
    const match = pattern.exec(text);
    if (!match) continue;
    const date = isoDate(match[1], match[2], match[3]);
    if (!date) continue;
    const stated: StatedDate = { date, quote: quoteAround(text, match.index, match.index + match[0].length), selector: selectorOf() };
    dates[kind] = stated;
  }
  if (!dates.effective) {
    const match = ON_PUBLICATION.exec(text);
    if (match) {
      const quote = quoteAround(text, match.index, match.index + match[0].length);
      dates.effective = { date: null, onPublication: true, quote, selector: selectorOf() };
    }
  }
  if (!dates.version) {
    const match = VERSION.exec(text);
    if (match) dates.version = { value: match[1], quote: quoteAround(text, match.index, match.index + match[0].length), selector: selectorOf() };
  }
}
