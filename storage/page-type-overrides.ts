/**
 * A person's correction of the page type, kept so later audits use it: for one page, for a whole host, or for any
 * pattern the person writes in the dashboard (`item.jd.com/*`, `*.tmall.com/*`). A pattern is `host` followed by a
 * path, `*` standing for any run of characters; the query and fragment never take part. The most specific
 * matching pattern wins (most literal characters, then fewest stars), so a page's own correction beats its host's.
 */
import { PAGE_TYPES, type PageType } from '@/rules/types';

export interface PageTypeOverride {
  pattern: string;
  pageType: PageType;
}

export type OverrideScope = 'page' | 'host';

/** Longest pattern kept: a pasted URL of a few hundred characters is plenty. */
const MAX_PATTERN = 300;

/** `host/path` of a web page's URL, or null for anything that is not http(s). */
function pageKey(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return `${parsed.hostname}${parsed.pathname}`.toLowerCase();
  } catch {
    return null;
  }
}

/** The pattern a correction made from the popup is kept under. */
export function patternFor(url: string, scope: OverrideScope): string | null {
  const key = pageKey(url);
  if (!key) return null;
  return scope === 'page' ? key : `${key.slice(0, key.indexOf('/'))}/*`;
}

/**
 * A pattern as a person may type it: a URL is cut to host and path, a bare host means the whole host, and case
 * and surrounding space do not count. Null when nothing usable is left.
 */
export function normalisePattern(input: string): string | null {
  let pattern = input.trim().toLowerCase().replace(/^[a-z]+:\/\//, '');
  const cut = pattern.search(/[?#]/);
  if (cut >= 0) pattern = pattern.slice(0, cut);
  if (pattern === '' || pattern.length > MAX_PATTERN || /\s/.test(pattern)) return null;
  if (!pattern.includes('/')) pattern += '/*';
  if (pattern.startsWith('/')) return null;
  return pattern;
}

/**
 * Whether `text` matches `pattern` with `*` as any run. The classic two-pointer wildcard match: when a star's
 * attempt fails it moves that star's start on by one, never revisiting an earlier star, so the cost is bounded by
 * the product of two short strings (a pattern is at most 300 characters, a page key a URL).
 */
export function matchesPattern(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.length && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Literal characters first, then fewer stars: `www.jd.com/` is more specific than `www.jd.com/*`. */
function specificity(pattern: string): number {
  const stars = pattern.split('*').length - 1;
  return (pattern.length - stars) * 1_000 - stars;
}

/** The correction that applies to `url`, if any: the most specific matching pattern. */
export function overrideFor(overrides: readonly PageTypeOverride[], url: string): PageTypeOverride | null {
  const key = pageKey(url);
  if (!key) return null;
  let best: PageTypeOverride | null = null;
  for (const override of overrides) {
    if (!matchesPattern(override.pattern, key)) continue;
    if (!best || specificity(override.pattern) > specificity(best.pattern)) best = override;
  }
  return best;
}

/** Stored corrections, each checked: a malformed row is dropped, a repeated pattern keeps its last type. */
export function overridesFrom(value: unknown): PageTypeOverride[] {
  if (!Array.isArray(value)) return [];
  const byPattern = new Map<string, PageType>();
  for (const row of value) {
    if (typeof row !== 'object' || row === null) continue;
    const { pattern, pageType } = row as Record<string, unknown>;
    const normalised = typeof pattern === 'string' ? normalisePattern(pattern) : null;
    if (!normalised || !PAGE_TYPES.includes(pageType as PageType)) continue;
    byPattern.set(normalised, pageType as PageType);
  }
  return [...byPattern].map(([pattern, pageType]) => ({ pattern, pageType })).sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** The list with `pattern` set to `pageType` (added or replaced). */
export function withOverride(overrides: readonly PageTypeOverride[], pattern: string, pageType: PageType): PageTypeOverride[] {
  return overridesFrom([...overrides.filter((o) => o.pattern !== pattern), { pattern, pageType }]);
}

export function withoutOverride(overrides: readonly PageTypeOverride[], pattern: string): PageTypeOverride[] {
  return overrides.filter((o) => o.pattern !== pattern);
}
