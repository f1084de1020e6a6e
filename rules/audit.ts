import { judgePage, termsTextWanted } from './engine';
import { collectPage, collectPageAsync } from './page';
import type { AuditOptions, AuditResult } from './types';

/** Collects the facts of `doc` and judges them, in one synchronous pass (Node, tests, small pages). */
export function auditDocument(doc: Document, opts: AuditOptions = {}): AuditResult {
  return judgePage(collectPage(doc, opts, termsTextWanted), opts.locale);
}

/** The same audit, collecting in slices that yield to the page, so a large page never sees one long task. */
export async function auditDocumentAsync(doc: Document, opts: AuditOptions = {}): Promise<AuditResult> {
  return judgePage(await collectPageAsync(doc, opts, termsTextWanted), opts.locale);
}
