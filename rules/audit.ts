import { evaluate } from './engine';
import { gatherFacts, gatherFactsAsync } from './collect';
import { isoWithOffset } from '../utils/time';
import { classifyPageType } from './page-type';
import { isLocalAddress, sourceUrlOf } from './source-url';
import { extractTermsDocument } from './terms/extract';
import type { AuditMode, AuditOptions, AuditResult, Facts, SavedPage } from './types';

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
function addressOf(doc: Document, opts: AuditOptions): { url: string; savedPage?: SavedPage } {
  const url = opts.url ?? urlOf(doc);
  if (opts.location && !isLocalAddress(url)) return { url, savedPage: { location: opts.location, urlFrom: 'given' } };
  if (!isLocalAddress(url)) return { url };
  const source = sourceUrlOf(doc);
  return source ? { url: source.url, savedPage: { location: url, urlFrom: source.from } } : { url };
}

function auditMeta(doc: Document, opts: AuditOptions) {
  return {
    ...addressOf(doc, opts),
    mode: opts.mode ?? modeOf(doc),
    auditedAt: isoWithOffset(opts.now ?? new Date()),
    title: titleOf(doc),
  };
}

/** linkedom throws reading the title of a document without a root element: an empty page has no title. */
function titleOf(doc: Document): string {
  try {
    return (doc.title ?? '').trim();
  } catch {
    return '';
  }
}

/**
 * Judges the facts of `doc`: a terms page's clauses, dates and digest join them first (the version tracking and the
 * privacy rules read them). The page is classified once, for that choice and for the judgement.
 */
function judge(doc: Document, facts: Facts, meta: ReturnType<typeof auditMeta>, opts: AuditOptions): AuditResult {
  const classification = classifyPageType(facts);
  if ((opts.pageType ?? classification.type) === 'terms') facts.termsDocument = extractTermsDocument(doc, meta.url);
  return evaluate(facts, { ...meta, pageType: opts.pageType, locale: opts.locale, classification });
}

/** Collects the facts of `doc` and judges them, in one synchronous pass (Node, tests, small pages). */
export function auditDocument(doc: Document, opts: AuditOptions = {}): AuditResult {
  const meta = auditMeta(doc, opts);
  return judge(doc, gatherFacts(doc, { url: meta.url, mode: meta.mode }), meta, opts);
}

/** The same audit, gathering in slices that yield to the page, so a large page never sees one long task. */
export async function auditDocumentAsync(doc: Document, opts: AuditOptions = {}): Promise<AuditResult> {
  const meta = auditMeta(doc, opts);
  return judge(doc, await gatherFactsAsync(doc, { url: meta.url, mode: meta.mode }), meta, opts);
}
