/**
 * The gatherer: one walk over the document into a PageView (the visible-text stream, links and images) that every
 * detector reads. A generator, so the caller may pause between walk batches.
 */
import type { AuditMode } from '../types';
import type { PageView } from './page';
import { createPageView } from './page-view';
import { VisibilityProbe } from './visibility';
import { walkDocument } from './walk';
import { resolveHref } from './url';

export interface GatherOptions {
  url: string;
  mode: AuditMode;
}

export interface GatheredPage {
  page: PageView;
  /** What the walk could not read (a cross-origin frame, a throwing getter), to report beside the facts. */
  errors: string[];
}

export function* gatherPage(doc: Document, opts: GatherOptions): Generator<void, GatheredPage, void> {
  const walk = yield* walkDocument(doc, baseUrlOf(doc, opts.url), opts.mode === 'browser');
  yield;
  const view = opts.mode === 'browser' ? (doc.defaultView as (Window & typeof globalThis) | null) : null;
  const page = createPageView(walk, new VisibilityProbe(opts.mode, view), opts.url, documentTitle(doc), headSummaryOf(doc));
  return { page, errors: walk.errors };
}

/** Links resolve against the page's <base href> when it has one, as a browser resolves them. */
function baseUrlOf(doc: Document, pageUrl: string): string {
  try {
    return resolveHref(doc.querySelector('base[href]')?.getAttribute('href'), pageUrl) ?? pageUrl;
  } catch {
    return pageUrl;
  }
}

/**
 * The document's title, trimmed; when the parser lost it (a saved template whose stray text before <head> left the
 * title in a second head, which a browser still reads), the first <title> outside an SVG picture. linkedom throws
 * reading the title of a document without a root element: no title.
 */
export function documentTitle(doc: Document): string {
  try {
    const title = (doc.title ?? '').trim();
    if (title) return title;
    const element = [...doc.querySelectorAll('title')].find((candidate) => !candidate.closest('svg'));
    return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  } catch {
    return '';
  }
}

/** The head's meta description and keywords, at most HEAD_SUMMARY characters of each. */
const HEAD_SUMMARY = 300;

function headSummaryOf(doc: Document): string {
  try {
    return [...doc.querySelectorAll('meta[name][content]')]
      .filter((meta) => /^(?:description|keywords)$/i.test(meta.getAttribute('name') ?? ''))
      .map((meta) => (meta.getAttribute('content') ?? '').slice(0, HEAD_SUMMARY).trim())
      .join('\n');
  } catch {
    return '';
  }
}
