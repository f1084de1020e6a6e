/**
 * Words an audit can be found by, for the multi-entry `terms` index: the host and its parent domains, Latin and digit
 * words from the host, title and URL path, and for Chinese text every two-character pair plus each run's last character, so that a query of any
 * length is narrowed by one index lookup before the exact substring check.
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const WORD = /[a-z0-9]+/g;
const HOSTLIKE = /^[a-z0-9-]+(\.[a-z0-9-]+)+\.?$/;

/** The text a query is matched against, lower-cased once when the audit is stored. */
export function searchTextOf(host: string, title: string, url: string): string {
  return `${host}\n${title}\n${url}`.toLowerCase();
}

export function termsOf(host: string, title: string, url: string): string[] {
  const terms = new Set<string>();
  const text = searchTextOf(host, title, pathOf(url));
  // The host and each parent domain, so `example.cn` finds `shop.example.cn` with one prefix lookup.
  const labels = host.toLowerCase().split('.').filter(Boolean);
  for (let i = 0; i < labels.length - 1; i++) terms.add(labels.slice(i).join('.'));
  for (const word of text.match(WORD) ?? []) terms.add(word);
  for (const run of text.match(CJK_RUN) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i] + chars[i + 1]);
    terms.add(chars[chars.length - 1]);
  }
  return [...terms];
}

/**
 * How to narrow a query with the `terms` index: a host-like query as itself, otherwise the longest piece of the
 * query, as a prefix of some term.
 * A Latin word is a prefix of the word it starts; a Chinese piece's first pair (or its only character) is a prefix
 * of a stored pair or a run's last character. `null` when the query has nothing indexable (only punctuation).
 */
export function indexProbeOf(query: string): string | null {
  const normalized = query.trim().toLowerCase();
  // A host or part of one (`shop.example`, `example.cn`): a prefix of a host or parent-domain term.
  if (HOSTLIKE.test(normalized)) return normalized;
  const pieces = [...(normalized.match(WORD) ?? []), ...(normalized.match(CJK_RUN) ?? [])];
  if (pieces.length === 0) return null;
  const longest = pieces.reduce((a, b) => ([...b].length > [...a].length ? b : a));
  if (!CJK.test(longest)) return longest;
  return [...longest].slice(0, 2).join('');
}

/** Whether an audit's search text contains every whitespace-separated part of the query. */
export function matchesQuery(searchText: string, query: string): boolean {
  return query
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((part) => searchText.includes(part));
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname} ${parsed.search}`;
  } catch {
    return url;
  }
}
