import type { ElementHtml, Handlers, PageRect } from '@/messaging/protocol';
import { OVERLAY_ATTRIBUTE } from './highlight';
import { VERDICT_COLOURS } from '@/components/verdict-colours';

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
    return { selector, html: truncated ? html.slice(0, MAX_ELEMENT_HTML) : html, truncated, rect: element ? pageRect(element) : null };
  });
}

/** The element's box on the page (not the window), so a screenshot taken at any scroll can be cropped to it. */
function pageRect(element: Element): PageRect | null {
  const box = element.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) return null;
  const view = element.ownerDocument.defaultView;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    x: round(box.left + (view?.scrollX ?? 0)),
    y: round(box.top + (view?.scrollY ?? 0)),
    width: round(box.width),
    height: round(box.height),
  };
}

/**
 * A short notice on the page after a capture made from the keyboard (no popup is open to say it). It lives in a
 * closed shadow root so the page's styles neither hide it nor leak into it, and goes away after a few seconds.
 */
export function showEvidenceNotice(doc: Document, text: string, ok: boolean, durationMs = 4000): void {
  const host = doc.createElement('liangzhao-evidence-notice');
  host.setAttribute(OVERLAY_ATTRIBUTE, '');
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
    `background:${ok ? VERDICT_COLOURS.pass : VERDICT_COLOURS.fail}`,
    'box-shadow:0 2px 8px rgba(0,0,0,.3)',
  ].join(';');
  root.append(box);
  (doc.body ?? doc.documentElement).append(host);
  setTimeout(() => host.remove(), durationMs);
}

/** What the page shows of the extension that a capture must not record: the highlight. */
export interface PageTraces {
  conceal(): void;
  reveal(): void;
}

/**
 * Resolves once a frame drawn after this call has been painted and one more frame has begun, so a screenshot taken
 * then shows the page as it now is. Two animation frames alone end just before the second paint, which a loaded
 * compositor may not have shown yet when the screenshot is taken.
 */
function painted(doc: Document): Promise<void> {
  const view = doc.defaultView;
  if (!view?.requestAnimationFrame) return Promise.resolve();
  const frame = () => new Promise<void>((resolve) => view.requestAnimationFrame(() => resolve()));
  const afterPaint = () => new Promise<void>((resolve) => view.setTimeout(resolve, 0));
  return frame()
    .then(frame)
    .then(afterPaint)
    .then(frame);
}

/**
 * Takes every node of the extension off the page (the highlight through `traces`, which stays concealed until
 * revealed even when the page scrolls; any other marked node, such as a notice, for good).
 */
export async function concealTraces(doc: Document, traces: PageTraces): Promise<{ concealed: true }> {
  traces.conceal();
  for (const node of doc.querySelectorAll(`[${OVERLAY_ATTRIBUTE}]`)) node.remove();
  await painted(doc);
  return { concealed: true };
}

/** The page's answers to the evidence messages. */
export function evidenceAnswers(doc: Document, traces: PageTraces): Handlers {
  return {
    'page:evidence-conceal': () => concealTraces(doc, traces),
    'page:evidence-reveal': () => {
      traces.reveal();
      return { revealed: true };
    },
    'page:evidence-html': (message) => evidenceHtml(doc, message.selectors),
    'page:evidence-notice': (message) => {
      showEvidenceNotice(doc, message.text, message.ok);
      return { shown: true };
    },
  };
}
