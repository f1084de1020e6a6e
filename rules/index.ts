/**
 * The engine's public API. Pure TypeScript over a Document or over collected facts: the same code runs in the
 * content script, in the popup (re-scoring with a corrected page type) and in Node with linkedom (the CLI).
 */
export { auditDocument, auditDocumentAsync } from './audit';
export { evaluate, pageTypeKey, RULESET_VERSION, ruleCatalogue, type EvaluateMeta } from './engine';
export { classifyPage, classifyPageType } from './page-type';
export { PAGE_TYPE_MODEL } from './page-type-model';
export { SCORING, scoreResults } from './scoring';
export { isoWithOffset } from '../utils/time';
export * from './types';
