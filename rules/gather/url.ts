/** Link handling: what counts as a real link, and host checks done on parsed URLs, never on substrings. */

/** `#`, `###`, empty, `javascript:`, and unrendered template syntax are not links (README "A link needs a real href"). */
export function isPlaceholderHref(raw: string | null | undefined): boolean {
  if (raw == null) return true;
  const value = raw.trim();
  if (value === '' || /^#*$/.test(value)) return true;
  if (/^javascript:/i.test(value) || /^about:blank$/i.test(value)) return true;
  // Template sources (JSP, Blade, FreeMarker, PHP) leave `${x}`, `{{ x }}`, `<%= x %>` unrendered: no real target.
  return /\$\{|\{\{|<%|<\?|#\{/.test(value);
}

/**
 * Parsed URLs by their text, so a page's repeated hrefs (a product grid links each item two or three times) and the
 * detectors' host checks parse each distinct URL once. Bounded: a hostile page of unique hrefs only refills it.
 */
class UrlMemo<T> {
  private readonly entries = new Map<string, T>();

  get(key: string, compute: () => T): T {
    // Stored values are strings or null, never undefined.
    let value = this.entries.get(key);
    if (value === undefined) {
      value = compute();
      if (this.entries.size >= 20_000) this.entries.clear();
      this.entries.set(key, value);
    }
    return value;
  }
}

const resolved = new UrlMemo<string | null>();
const hostnames = new UrlMemo<string | null>();

/** Resolves against the page URL; without a usable page URL (a parsed file, `about:blank`) absolute hrefs still count. */
export function resolveHref(raw: string | null | undefined, base: string): string | null {
  if (isPlaceholderHref(raw)) return null;
  const href = raw!.trim();
  return resolved.get(`${base}\n${href}`, () => parseUrl(href, base) ?? parseUrl(href));
}

function parseUrl(href: string, base?: string): string | null {
  try {
    return new URL(href, base || undefined).href;
  } catch {
    return null;
  }
}

export function hostnameOf(href: string | null | undefined): string | null {
  if (!href) return null;
  return hostnames.get(href, () => parseHostname(href));
}

function parseHostname(href: string): string | null {
  try {
    const url = new URL(href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return null;
  }
}

/** `host` is `domain` or one of its subdomains (label-wise, so `gov.cn.example.com` is not under `gov.cn`). */
export function hostIsUnder(host: string | null, domain: string): boolean {
  if (!host) return false;
  return host === domain || host.endsWith('.' + domain);
}

/** A Chinese government host: `gov.cn` or any `*.gov.cn`, by parsed hostname. */
export function isGovernmentHref(href: string | null | undefined): boolean {
  return hostIsUnder(hostnameOf(href), 'gov.cn');
}

/** Same registrable site, roughly: the last two labels agree (enough to tell "the site's own page" from elsewhere). */
export function sameSite(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const tail = (h: string) => h.split('.').slice(-2).join('.');
  return tail(a) === tail(b);
}

/** A page URL's path and host for the classifier's URL signals; both empty when the URL cannot be parsed. */
export function urlParts(url: string): { path: string; hostname: string } {
  try {
    const parsed = new URL(url);
    return { path: parsed.pathname, hostname: parsed.hostname };
  } catch {
    return { path: '', hostname: '' };
  }
}
