import { judgePage, termsTextWanted } from './engine';
import { collectPage, collectPageAsync, type ReadsTermsText } from './page';
import { classifyPageType } from './page-type';
import type { AuditOptions, AuditResult, CollectedPage, PageClassification } from './types';

/**
 * The page classified once, before its terms text is read: for asking whether to read it, and for the judgement
 * (the classifier reads the page's facts, not the terms text).
 */
function classifiedOnce(): { readsTermsText: ReadsTermsText; classification: () => PageClassification | undefined } {
  let classification: PageClassification | undefined;
  return {
    readsTermsText: (page: CollectedPage) => termsTextWanted(page, (classification = classifyPageType(page.facts))),
    classification: () => classification,
  };
}

/** Collects the facts of `doc` and judges them, in one synchronous pass (Node, tests, small pages). */
export function auditDocument(doc: Document, opts: AuditOptions = {}): AuditResult {
  const classified = classifiedOnce();
  const page = collectPage(doc, opts, classified.readsTermsText);
  return judgePage(page, opts.locale, classified.classification());
}

/** The same audit, collecting in slices that yield to the page, so a large page never sees one long task. */
export async function auditDocumentAsync(doc: Document, opts: AuditOptions = {}): Promise<AuditResult> {
  const classified = classifiedOnce();
  const page = await collectPageAsync(doc, opts, classified.readsTermsText);
  return judgePage(page, opts.locale, classified.classification());
}
