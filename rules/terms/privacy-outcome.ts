/** The evidence and params every privacy-policy rule gives: the sentences that satisfy or hint at its item. */
import type { Evidence } from '../types';
import type { PolicySentence } from './privacy';

const QUOTE_LIMIT = 200;

export function sentenceEvidence(sentences: ReadonlyArray<PolicySentence | undefined>): Evidence[] {
  const seen = new Set<string>();
  const evidence: Evidence[] = [];
  for (const sentence of sentences) {
    if (!sentence || seen.has(sentence.text)) continue;
    seen.add(sentence.text);
    evidence.push({ selector: sentence.selector, text: sentence.text.slice(0, QUOTE_LIMIT), href: null, visible: null });
  }
  return evidence;
}

export function quoted(sentence: PolicySentence): { sentence: string } {
  return { sentence: sentence.text.slice(0, QUOTE_LIMIT) };
}
