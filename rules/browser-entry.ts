/**
 * The engine as one script for a page that has no extension: the command-line auditor (`--browser`) and the bench
 * inject it as an IIFE bundle, exposing `globalThis.Liangzhao`. `--compare --browser` reads terms versions with it.
 */
export { auditDocument, auditDocumentAsync, evaluate, RULESET_VERSION } from './index';
export { gatherFacts, gatherFactsAsync } from './collect';
export { extractTermsDocument } from './terms/extract';
export { collectPageAsync, withTermsText } from './page';
export { termsTextWanted } from './engine';
