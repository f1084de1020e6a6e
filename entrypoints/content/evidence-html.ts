import type { ElementHtml, Handlers } from '@/messaging/protocol';

/** An element's markup is evidence, not an archive: a footer is a few kB, a whole-page wrapper is cut here. */
export const MAX_ELEMENT_HTML = 64 * 1024;
export const MAX_ELEMENTS = 200;

/** The outerHTML of the first element each selector finds, as the page is now. */
export function evidenceHtml(doc: Document, selectors: readonly string[]): ElementHtml[] {
  return [...new Set(selectors)].slice(0, MAX_ELEMENTS).map((selector) => {
    let element: Element | null = null;
    try {
      element = doc.querySelector(selector);
    } catch {
      // A selector this document cannot parse finds nothing.
    }
    const html = element?.outerHTML ?? null;
    const truncated = html !== null && html.length > MAX_ELEMENT_HTML;
    return { selector, html: truncated ? html.slice(0, MAX_ELEMENT_HTML) : html, truncated };
  });
}

/**
 * A short notice on the page after a capture made from the keyboard (no popup is open to say it). It lives in a
 * closed shadow root so the page's styles neither hide it nor leak into it, and goes away after a few seconds.
 */
export function showEvidenceNotice(doc: Document, text: string, ok: boolean, durationMs = 4000): void {
  const host = doc.createElement('liangzhao-evidence-notice');
  const root = host.attachShadow({ mode: 'closed' });
  const box = doc.createElement('div');
  box.setAttribute('role', 'status');
  box.textContent = text;
  box.style.cssText = [
    'position:fixed',
    'z-index:2147483647',
    'right:16px',
    'bottom:16px',
    'max-width:360px',
    'padding:10px 14px',
    'border-radius:6px',
    'font:14px/1.4 system-ui,sans-serif',
    'color:#fff',
    `background:${ok ? '#15803d' : '#b91c1c'}`,
    'box-shadow:0 2px 8px rgba(0,0,0,.3)',
  ].join(';');
  root.append(box);
  (doc.body ?? doc.documentElement).append(host);
  setTimeout(() => host.remove(), durationMs);
}

/** The page's answers to the evidence messages. */
export function evidenceAnswers(doc: Document): Handlers {
  return {
    'page:evidence-html': (message) => evidenceHtml(doc, message.selectors),
    'page:evidence-notice': (message) => {
      showEvidenceNotice(doc, message.text, message.ok);
      return { shown: true };
    },
  };
}
