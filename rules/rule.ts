import type { AuditMode, Evidence, Facts, PageType, RuleMeta, RuleStatus } from './types';

/** What a rule knows besides the facts: enough to stay a pure function. */
export interface RuleContext {
  pageType: PageType;
  mode: AuditMode;
  url: string;
  /** ISO 8601; rules that compare dates (a closing notice) read it instead of the clock. */
  auditedAt: string;
}

export type MessageParams = Record<string, string | number>;

/** A rule's answer; the engine adds the metadata, renders the message and turns a throw into 'error'. */
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

/** `rule_icp_number`: the prefix of every message key of a rule. */
export function messageKeyBase(id: string): string {
  return `rule_${id.replace(/-/g, '_')}`;
}

/** Fills in the message keys from the id, so a rule file cannot name them inconsistently. */
export function defineRule(rule: Omit<Rule, 'titleKey' | 'failureTitleKey' | 'helpKey'>): Rule {
  const base = messageKeyBase(rule.id);
  return { ...rule, titleKey: `${base}_title`, failureTitleKey: `${base}_failure`, helpKey: `${base}_help` };
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
 * Message params whose name ends in `Keys` hold message keys joined by `|`; the engine renders them as a localised
 * list ("postal code, e-mail"), so a UI that re-renders in another language gets the list in that language too.
 */
export function keyList(keys: readonly string[]): string {
  return keys.join('|');
}
