/**
 * The page side of an audit: everything that needs the Document (the facts, a terms page's text, the title, the
 * address), collected into a CollectedPage that `judgePage` (rules/engine.ts) judges anywhere. The content script
 * ships this half only; the background judges. Whether the page is a terms page is the page type's say, which is
 * the judging side's: the caller says whether to read the text (`readsTermsText`, see `termsTextWanted`).
 */
import { gatherFacts, gatherFactsAsync } from './collect';
import { documentTitle } from './gather';
import { isoWithOffset } from '../utils/time';
import { isLocalAddress, sourceUrlOf } from './source-url';
import { extractTermsDocument, extractTermsDocumentAsync } from './terms/extract';
import { COLLECTED_PAGE_SCHEMA, type AuditMode, type AuditOptions, type CollectedPage, type SavedPage } from './types';

/** What collecting reads of the audit options: the rest (the locale) is the judging side's. */
export type CollectOptions = Omit<AuditOptions, 'locale'>;

/** A document with a layout engine can judge visibility; linkedom (Node) cannot, so its audits are static. */
function modeOf(doc: Document): AuditMode {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  return typeof view?.getComputedStyle === 'function' && typeof view?.innerWidth === 'number' ? 'browser' : 'static';
}

function urlOf(doc: Document): string {
  return doc.location?.href ?? doc.URL ?? '';
}

/**
 * The address the page is judged as. A web page's is its own. A saved file's is the one said for it (`location`
 * beside a web `url`), else the one its content names (saved-from comment, canonical, og:url, base href).
 */
function addressOf(doc: Document, opts: CollectOptions): { url: string; savedPage?: SavedPage } {
  const url = opts.url ?? urlOf(doc);
  if (opts.location && !isLocalAddress(url)) return { url, savedPage: { location: opts.location, urlFrom: 'given' } };
  if (!isLocalAddress(url)) return { url };
  const source = sourceUrlOf(doc);
  return source ? { url: source.url, savedPage: { location: url, urlFrom: source.from } } : { url };
}

function pageMeta(doc: Document, opts: CollectOptions): Omit<CollectedPage, 'facts'> {
  return {
    schema: COLLECTED_PAGE_SCHEMA,
    ...addressOf(doc, opts),
    mode: opts.mode ?? modeOf(doc),
    auditedAt: isoWithOffset(opts.now ?? new Date()),
    title: documentTitle(doc),
    ...(opts.pageType ? { pageType: opts.pageType } : {}),
  };
}

/** Whether a terms page's text is read with the facts: its clauses, dates and digest, for the terms rules. */
export type ReadsTermsText = (page: CollectedPage) => boolean;

/** Collects what an audit of `doc` needs, in one synchronous pass (Node, tests, small pages). */
export function collectPage(doc: Document, opts: CollectOptions, readsTermsText: ReadsTermsText): CollectedPage {
  const meta = pageMeta(doc, opts);
  const page = { ...meta, facts: gatherFacts(doc, { url: meta.url, mode: meta.mode }) };
  if (readsTermsText(page)) page.facts.termsDocument = extractTermsDocument(doc, meta.url);
  return page;
}

/** The same collection in slices that yield to the page, so a large page never sees one long task. */
export async function collectPageAsync(doc: Document, opts: CollectOptions, readsTermsText: ReadsTermsText): Promise<CollectedPage> {
  const meta = pageMeta(doc, opts);
  const page = { ...meta, facts: await gatherFactsAsync(doc, { url: meta.url, mode: meta.mode }) };
  if (readsTermsText(page)) page.facts.termsDocument = await extractTermsDocumentAsync(doc, meta.url);
  return page;
}

/** Reads the terms text into a page collected without it, once the judging side has said it is a terms page. */
export async function withTermsText(doc: Document, page: CollectedPage): Promise<CollectedPage> {
  return { ...page, facts: { ...page.facts, termsDocument: await extractTermsDocumentAsync(doc, page.url) } };
}
