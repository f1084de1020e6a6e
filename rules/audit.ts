import { evaluate } from './engine';
import { gatherFacts, gatherFactsAsync } from './gather';
import { classifyPage } from './page-type';
import { extractTermsDocument } from './terms/extract';
import { isoWithOffset } from './time';
import type { AuditMode, AuditOptions, AuditResult, Facts, PageType } from './types';

/** How long one slice of asynchronous gathering may hold the main thread: under the 50 ms long-task line. */
const SLICE_MS = 12;

/** A document with a layout engine can judge visibility; linkedom (Node) cannot, so its audits are static. */
function modeOf(doc: Document): AuditMode {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  return typeof view?.getComputedStyle === 'function' && typeof view?.innerWidth === 'number' ? 'browser' : 'static';
}

function urlOf(doc: Document): string {
  return doc.location?.href ?? doc.URL ?? '';
}

function auditMeta(doc: Document, opts: AuditOptions) {
  return {
    url: opts.url ?? urlOf(doc),
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

/** A terms page's clauses, dates and digest join its facts: the version tracking and the privacy rules read them. */
function withTermsDocument(doc: Document, facts: Facts, url: string, pageType: PageType | undefined): Facts {
  if ((pageType ?? classifyPage(facts)) === 'terms') facts.termsDocument = extractTermsDocument(doc, url);
  return facts;
}

/** Collects the facts of `doc` and judges them, in one synchronous pass (Node, tests, small pages). */
export function auditDocument(doc: Document, opts: AuditOptions = {}): AuditResult {
  const { url, mode, auditedAt, title } = auditMeta(doc, opts);
  const facts = withTermsDocument(doc, gatherFacts(doc, { url, mode }), url, opts.pageType);
  return evaluate(facts, { url, title, mode, auditedAt, pageType: opts.pageType, locale: opts.locale });
}

/** The same audit, gathering in slices that yield to the page, so a large page never sees one long task. */
export async function auditDocumentAsync(doc: Document, opts: AuditOptions = {}): Promise<AuditResult> {
  const { url, mode, auditedAt, title } = auditMeta(doc, opts);
  const facts = withTermsDocument(doc, await gatherFactsAsync(doc, { url, mode }, { sliceMs: SLICE_MS }), url, opts.pageType);
  return evaluate(facts, { url, title, mode, auditedAt, pageType: opts.pageType, locale: opts.locale });
}
