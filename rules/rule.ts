import type { TermsVersionFacts } from './terms/types';
import type { AuditMode, Evidence, Facts, PageClassification, PageType, RuleMeta, RuleStatus } from './types';

/** Evidence kept per result: enough to show and to find again, small enough to store for every page visited. */
export const EVIDENCE_LIMIT = 20;

/** What a rule knows besides the facts: enough to stay a pure function. */
export interface RuleContext {
  pageType: PageType;
  mode: AuditMode;
  url: string;
  /** ISO 8601; rules that compare dates (a closing notice) read it instead of the clock. */
  auditedAt: string;
  /** The page-type model's answer (absent only in hand-built contexts). */
  classification?: PageClassification;
  /** The page type was set by a person (evaluate's `pageType`), not by the model. */
  pageTypeSetByPerson?: boolean;
  /** On a terms page: the version seen before this one, when the extension has one (terms-change-notice). */
  previousTerms?: TermsVersionFacts;
  /** When this version of the terms was first seen (ISO 8601), for the seven-day observation. */
  termsFirstSeen?: string;
}

export type MessageParams = Record<string, string | number>;

/** A rule's answer; the engine adds the metadata and turns a throw into 'error'. Words come from i18n/text.ts. */
export interface RuleOutcome {
  status: Exclude<RuleStatus, 'error'>;
  messageKey: string;
  messageParams?: MessageParams;
  evidence: Evidence[];
}

export interface Rule extends RuleMeta {
  evaluate(facts: Facts, context: RuleContext): RuleOutcome;
}

/** Every page type a shop page, product page, terms page or platform home page can be: 'other' is left out. */
export const COMMERCE_PAGES: readonly PageType[] = ['platform-home', 'shop', 'product', 'terms'];

/** `page_type_platform_home`: the message key naming a page type. */
export function pageTypeKey(pageType: PageType): string {
  return `page_type_${pageType.replace(/-/g, '_')}`;
}

/** `rule_icp_number`: the prefix of every message key of a rule. */
export function messageKeyBase(id: string): string {
  return `rule_${id.replace(/-/g, '_')}`;
}

/** Fills in the message keys from the id, so a rule file cannot name them inconsistently. */
export function defineRule(rule: Omit<Rule, 'titleKey' | 'helpKey'>): Rule {
  const base = messageKeyBase(rule.id);
  return { ...rule, titleKey: `${base}_title`, helpKey: `${base}_help` };
}

/** Builds outcomes whose message keys belong to one rule: `outcomeFor('icp-number')('pass', ...)`. */
export function outcomeFor(id: string) {
  const base = messageKeyBase(id);
  return (
    status: RuleOutcome['status'],
    suffix: string,
    evidence: Evidence[] = [],
    messageParams?: MessageParams,
  ): RuleOutcome => ({
    status,
    messageKey: `${base}_${suffix}`,
    ...(messageParams ? { messageParams } : {}),
    evidence,
  });
}

/** The Evidence part of a richer fact, so results carry plain evidence and not the whole fact. */
export function toEvidence(fact: Evidence): Evidence {
  const evidence: Evidence = { selector: fact.selector, text: fact.text, href: fact.href, visible: fact.visible };
  if (fact.hiddenReason) evidence.hiddenReason = fact.hiddenReason;
  return evidence;
}

/** Facts a reader can see or that a static parse cannot rule out: hidden ones do not count as disclosed. */
export function notHidden<T extends Evidence>(facts: readonly T[]): T[] {
  return facts.filter((fact) => fact.visible !== false);
}

export function hidden<T extends Evidence>(facts: readonly T[]): T[] {
  return facts.filter((fact) => fact.visible === false);
}

/**
 * Message params whose name ends in `Keys` hold message keys joined by `|`; the text layer renders them as a
 * list ("postal code, e-mail") in the reader's language.
 */
export function keyList(keys: readonly string[]): string {
  return keys.join('|');
}

/** Pages whose text can carry standard terms a consumer is bound by (G2 art. 3 last para.: notices count too). */
export const TERMS_BEARING_PAGES: readonly PageType[] = ['terms', 'shop', 'product'];

/**
 * The unfair-term rules share one judgement: clauses the gatherer tied to `basis` are findings, quoted. A phrase
 * list false-positives (a clause that promises not to exclude liability reads much like one that does), so a
 * finding asks a person to confirm (review) unless its wording matches `unambiguous`, which fails outright. Every
 * clause is evidence, the unambiguous ones first (the engine keeps EVIDENCE_LIMIT and counts the rest); the message
 * quotes the first and, when there are several, says how many.
 */
export function judgeClauses(id: string, facts: Facts, basis: string, unambiguous: RegExp): RuleOutcome {
  const outcome = outcomeFor(id);
  const clauses = facts.unfairClauses.filter((clause) => clause.basis === basis);
  if (clauses.length === 0) return outcome('pass', 'pass');
  const isClear = (clause: Facts['unfairClauses'][number]) => unambiguous.test(clause.phrase) || unambiguous.test(clause.text);
  const clear = clauses.filter(isClear);
  const ordered = [...clear, ...clauses.filter((clause) => !isClear(clause))];
  const params = { sentence: ordered[0].text, phrase: ordered[0].phrase, count: ordered.length };
  const suffix = ordered.length > 1 ? 'clauses' : 'clause';
  return outcome(clear.length > 0 ? 'fail' : 'review', `${clear.length > 0 ? 'fail' : 'review'}_${suffix}`, ordered.map(toEvidence), params);
}
