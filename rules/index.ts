/**
 * The engine's public API. Pure TypeScript over a Document or over collected facts: the page half (collectPage) runs
 * in the content script, the judging half (judgePage, evaluate) in the background and the popup (re-scoring with a
 * corrected page type), and both in Node with linkedom (the CLI).
 */
export { auditDocument, auditDocumentAsync } from './audit';
export { collectPage, collectPageAsync, withTermsText, type CollectOptions, type ReadsTermsText } from './page';
export { checkCollectedPage } from './page-check';
export { evaluate, judgePage, termsTextWanted, pageTypeKey, RULESET_VERSION, ruleCatalogue, type EvaluateMeta } from './engine';
export { classifyPage, classifyPageType } from './page-type';
export { PAGE_TYPE_MODEL } from './page-type-model';
export { SCORING, scoreResults } from './scoring';
export { isoWithOffset } from '../utils/time';
export * from './types';
