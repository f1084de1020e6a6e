/**
 * What every privacy-policy rule shares: its metadata, 'na' on any page that is not a privacy policy, and the
 * evidence and params it gives (the sentences that satisfy or hint at its item).
 */
import { defineRule, outcomeFor, type Rule, type RuleOutcome } from '../rule';
import type { Evidence } from '../types';
import { policySentences, type PolicySentence } from './privacy';

type Outcome = ReturnType<typeof outcomeFor>;

/** A rule over a privacy policy's sentences, in the `terms` group, mandatory, on terms pages. */
export function definePrivacyRule(spec: { id: string; basis: string[]; judge: (sentences: PolicySentence[], outcome: Outcome) => RuleOutcome }): Rule {
  const outcome = outcomeFor(spec.id);
  return defineRule({
    id: spec.id,
    group: 'terms',
    level: 'mandatory',
    basis: spec.basis,
    pageTypes: ['terms'],
    evaluate(facts) {
      const sentences = policySentences(facts.termsDocument);
      return sentences ? spec.judge(sentences, outcome) : outcome('na', 'na_not_privacy');
    },
  });
}

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
