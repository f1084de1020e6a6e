/**
 * A terms document is its canonical URL: the page's `<link rel="canonical">` when it stays on the same site, else
 * the URL without its fragment and without the tracking parameters sites append per visit.
 */
const TRACKING = /^(?:utm_\w+|spm|scm|from|source|ref|refer|_t|t|ts|timestamp|_|sessionid|sid|token|tracelog|clickid)$/i;

function siteOf(host: string): string {
  return host.split('.').slice(-2).join('.');
}

export function cleanUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  parsed.hash = '';
  for (const name of [...parsed.searchParams.keys()]) if (TRACKING.test(name)) parsed.searchParams.delete(name);
  return parsed.href;
}

export function canonicalUrl(doc: Document, url: string): string {
  const href = doc.querySelector?.('link[rel~="canonical"][href]')?.getAttribute('href');
  if (href) {
    try {
      const canonical = new URL(href, url);
      if (/^https?:$/.test(canonical.protocol) && siteOf(canonical.hostname) === siteOf(new URL(url).hostname)) {
        return cleanUrl(canonical.href);
      }
    } catch {
      // An unreadable canonical link or page URL: fall back to the page URL itself.
    }
  }
  return cleanUrl(url);
}
