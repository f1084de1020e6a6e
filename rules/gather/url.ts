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

/** Resolves against the page URL; without a usable page URL (a parsed file, `about:blank`) absolute hrefs still count. */
export function resolveHref(raw: string | null | undefined, base: string): string | null {
  if (isPlaceholderHref(raw)) return null;
  const href = raw!.trim();
  return parseUrl(href, base) ?? parseUrl(href);
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
