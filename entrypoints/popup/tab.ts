/** Pages no extension may script: the browser's own pages and its extension stores. */
const STORE_HOSTS = new Set(['chromewebstore.google.com', 'chrome.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com']);

/** Why a tab cannot be audited: its URL is not a web page the content script runs on. */
export function auditableUrl(url: string | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  return !STORE_HOSTS.has(parsed.hostname);
}

/** Whether the tab's content script is worth asking: without the tabs permission the URL may be withheld, and then
 *  only its answer tells. */
export function mayAskTab(url: string | undefined): boolean {
  return url === undefined || auditableUrl(url);
}

/** The tab a page was opened for (`?tab=<id>`), when a test or another page opened it as a tab. */
export function tabIdFromSearch(search: string): number | null {
  const value = new URLSearchParams(search).get('tab');
  if (value === null || !/^\d+$/.test(value)) return null;
  return Number(value);
}
