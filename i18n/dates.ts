import type { Locale } from '@/utils/locale';

const BCP47: Record<Locale, string> = { zh_CN: 'zh-CN', en: 'en' };

/** The `lang` attribute for a UI locale. */
export function langOf(locale: Locale): string {
  return BCP47[locale];
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per locale and style, as a table or a chart formats hundreds of times per render. */
function formatter(locale: Locale, style: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${style}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(BCP47[locale], options);
    formats.set(key, format);
  }
  return format;
}

/**
 * Date and time to the minute, as Intl.DateTimeFormat writes them for these locales (2026/11/28 21:05 and
 * 11/28/2026, 21:05), made by hand: a page's first Intl.DateTimeFormat loads the locale's calendar data, which held
 * the popup's first render (its history's times) for up to 360 ms. Midnight is 00:05, where Intl's `hour12: false`
 * writes 24:05 in English.
 */
export function formatTime(ms: number, locale: Locale): string {
  const date = localDate(ms);
  const day = locale === 'zh_CN' ? `${date.getFullYear()}/${pad(date.getMonth() + 1)}/${pad(date.getDate())}` : `${pad(date.getMonth() + 1)}/${pad(date.getDate())}/${date.getFullYear()}`;
  return `${day}${locale === 'zh_CN' ? ' ' : ', '}${clockOf(date)}`;
}

/** The day in full: 2026年12月2日, 2 Dec 2026. */
export function formatDate(ms: number, locale: Locale): string {
  return formatter(locale, 'date', { year: 'numeric', month: 'short', day: 'numeric' }).format(ms);
}

/** The day without its year, for a chart's axis: 12月2日, 2 Dec. */
export function formatShortDate(ms: number, locale: Locale): string {
  return formatter(locale, 'short-date', { month: 'short', day: 'numeric' }).format(ms);
}

/** The clock time: 10:44 (by hand, as `formatTime`). */
export function formatClock(ms: number, _locale: Locale): string {
  return clockOf(localDate(ms));
}

/** The local date of `ms`; an invalid time throws, as Intl.DateTimeFormat does. */
function localDate(ms: number): Date {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid time value');
  return date;
}

function clockOf(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `yyyy-mm-dd` in local time, for a date input. */
export function dateInputValue(ms: number): string {
  const date = new Date(ms);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local day a date input names, as inclusive epoch-millisecond bounds; null for an empty or invalid input. */
export function dayBounds(value: string): { startMs: number; endMs: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const start = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(start.getTime())) return null;
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { startMs: start.getTime(), endMs: end.getTime() - 1 };
}

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO 8601 time as the wall clock where it was taken, with its offset written out: 2026年12月2日 10:44:28
 * （UTC+08:00）, 2 Dec 2026, 10:44:28 (UTC+08:00). Anything else is shown as written.
 */
export function formatIsoTime(iso: string, locale: Locale): string {
  const match = ISO_WITH_OFFSET.exec(iso);
  if (!match) return iso;
  const [, year, month, day, hour, minute, second, zone] = match;
  const offset = `UTC${zone === 'Z' ? '+00:00' : zone}`;
  const clock = `${hour}:${minute}:${second}`;
  if (locale === 'zh_CN') return `${year}年${Number(month)}月${Number(day)}日 ${clock}（${offset}）`;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${Number(day)} ${months[Number(month) - 1]} ${year}, ${clock} (${offset})`;
}
