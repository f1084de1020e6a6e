import { evaluate } from './engine';
import { gatherFacts, gatherFactsAsync } from './gather';
import { isoWithOffset } from '../utils/time';
import type { AuditMode, AuditOptions, AuditResult } from './types';

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

/** Collects the facts of `doc` and judges them, in one synchronous pass (Node, tests, small pages). */
export function auditDocument(doc: Document, opts: AuditOptions = {}): AuditResult {
  const { url, mode, auditedAt, title } = auditMeta(doc, opts);
  const facts = gatherFacts(doc, { url, mode });
  return evaluate(facts, { url, title, mode, auditedAt, pageType: opts.pageType, locale: opts.locale });
}

/** The same audit, gathering in slices that yield to the page, so a large page never sees one long task. */
export async function auditDocumentAsync(doc: Document, opts: AuditOptions = {}): Promise<AuditResult> {
  const { url, mode, auditedAt, title } = auditMeta(doc, opts);
  const facts = await gatherFactsAsync(doc, { url, mode });
  return evaluate(facts, { url, title, mode, auditedAt, pageType: opts.pageType, locale: opts.locale });
}
