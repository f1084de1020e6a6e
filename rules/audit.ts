import { evaluate } from './engine';
import { gatherFacts, gatherFactsAsync } from './collect';
import { documentTitle } from './gather';
import { isoWithOffset } from '../utils/time';
import { classifyPageType } from './page-type';
import { isLocalAddress, sourceUrlOf } from './source-url';
import { extractTermsDocument, extractTermsDocumentAsync } from './terms/extract';
import type { AuditMode, AuditOptions, AuditResult, Facts, PageClassification, SavedPage } from './types';

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
    title: documentTitle(doc),
  };
}

/** A terms page's clauses, dates and digest join its facts: the version tracking and the privacy rules read them. */
function needsTermsDocument(opts: AuditOptions, classification: PageClassification): boolean {
  return (opts.pageType ?? classification.type) === 'terms';
}

function judge(facts: Facts, meta: ReturnType<typeof auditMeta>, opts: AuditOptions, classification: PageClassification): AuditResult {
  return evaluate(facts, { ...meta, pageType: opts.pageType, locale: opts.locale, classification });
}

/** Collects the facts of `doc` and judges them, in one synchronous pass (Node, tests, small pages). */
export function auditDocument(doc: Document, opts: AuditOptions = {}): AuditResult {
  const meta = auditMeta(doc, opts);
  const facts = gatherFacts(doc, { url: meta.url, mode: meta.mode });
  // Classified once: for the extraction and for the judgement.
  const classification = classifyPageType(facts);
  if (needsTermsDocument(opts, classification)) facts.termsDocument = extractTermsDocument(doc, meta.url);
  return judge(facts, meta, opts, classification);
}

/** The same audit, gathering and extracting in slices that yield to the page, so a large page never sees one long task. */
export async function auditDocumentAsync(doc: Document, opts: AuditOptions = {}): Promise<AuditResult> {
  const meta = auditMeta(doc, opts);
  const facts = await gatherFactsAsync(doc, { url: meta.url, mode: meta.mode });
  const classification = classifyPageType(facts);
  if (needsTermsDocument(opts, classification)) facts.termsDocument = await extractTermsDocumentAsync(doc, meta.url);
  return judge(facts, meta, opts, classification);
}
