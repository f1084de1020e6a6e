import { rules } from './catalogue';
import { classifyPageType } from './page-type';
import { EVIDENCE_LIMIT, pageTypeKey, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { scoreResults } from './scoring';
import {
  AUDIT_SCHEMA,
  type AuditMode,
  type AuditResult,
  type CollectedPage,
  type Facts,
  type Locale,
  type PageClassification,
  type PageType,
  type RuleMeta,
  type RuleResult,
  type RuleStatus,
  type SavedPage,
} from './types';

/** Bump when a rule's logic, a rule's metadata or the scoring changes: stored audits say which rules judged them. */
export const RULESET_VERSION = '1.3.0';

/** Rule metadata for the checklist, the dashboard and the README table, without the evaluate functions. */
export const ruleCatalogue: readonly RuleMeta[] = rules.map(
  ({ id, group, level, basis, pageTypes, titleKey, helpKey }): RuleMeta => ({
    id,
    group,
    level,
    basis,
    pageTypes,
    titleKey,
    helpKey,
  }),
);

/** What the judgement needs besides the facts: the collected page's own fields (see CollectedPage), and more. */
export interface EvaluateMeta extends Pick<CollectedPage, 'url' | 'title' | 'mode' | 'auditedAt' | 'savedPage' | 'pageType'> {
  locale?: Locale;
  /** The earlier version of a terms page and when this one was first seen (see RuleContext). */
  previousTerms?: RuleContext['previousTerms'];
  termsFirstSeen?: string;
  /** The classifier's answer when the caller has it already; otherwise the facts are classified here. */
  classification?: PageClassification;
}

const STATUS_ORDER: Record<RuleStatus, number> = { fail: 0, error: 1, review: 2, pass: 3, na: 4 };

function notApplicable(context: RuleContext): RuleOutcome {
  return {
    status: 'na',
    messageKey: 'rule_not_applicable',
    messageParams: { pageTypeKeys: pageTypeKey(context.pageType) },
    evidence: [],
  };
}

export { pageTypeKey };

/** Runs one rule; a rule that throws becomes an 'error' result so the other rules still judge the page. */
function runRule(rule: Rule, facts: Facts, context: RuleContext): RuleResult {
  let outcome: RuleOutcome;
  let status: RuleStatus;
  try {
    outcome = rule.pageTypes.includes(context.pageType) ? rule.evaluate(facts, context) : notApplicable(context);
    status = outcome.status;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    outcome = { status: 'na', messageKey: 'rule_error', messageParams: { error: reason }, evidence: [] };
    status = 'error';
  }
  // Evidence beyond the limit is not kept; the result says how much was left out (the text layer words it).
  const unlisted = outcome.evidence.length - EVIDENCE_LIMIT;
  const messageParams = unlisted > 0 ? { ...outcome.messageParams, unlistedCount: unlisted } : outcome.messageParams;
  return {
    ruleId: rule.id,
    status,
    level: rule.level,
    group: rule.group,
    basis: [...rule.basis],
    messageKey: outcome.messageKey,
    ...(messageParams ? { messageParams } : {}),
    evidence: outcome.evidence.slice(0, EVIDENCE_LIMIT),
  };
}

/** Failures first, then errors, reviews, passes and not-applicable; mandatory before encouraged; else catalogue order. */
export function sortResults(results: readonly RuleResult[]): RuleResult[] {
  return results
    .map((result, index) => ({ result, index }))
    .sort(
      (a, b) =>
        STATUS_ORDER[a.result.status] - STATUS_ORDER[b.result.status] ||
        Number(a.result.level === 'encouraged') - Number(b.result.level === 'encouraged') ||
        a.index - b.index,
    )
    .map(({ result }) => result);
}

/**
 * Judges collected facts: pure, no DOM. The background calls it through judgePage; the popup calls it directly to
 * re-score a stored audit with a page type a person corrected.
 */
export function evaluate(facts: Facts, meta: EvaluateMeta, ruleList: readonly Rule[] = rules): AuditResult {
  const locale = meta.locale ?? 'zh_CN';
  const classification = meta.classification ?? classifyPageType(facts);
  const detectedPageType = classification.type;
  const pageType = meta.pageType ?? detectedPageType;
  const context: RuleContext = {
    pageType,
    mode: meta.mode,
    url: meta.url,
    auditedAt: meta.auditedAt,
    classification,
    pageTypeSetByPerson: meta.pageType !== undefined,
    ...(meta.previousTerms ? { previousTerms: meta.previousTerms } : {}),
    ...(meta.termsFirstSeen ? { termsFirstSeen: meta.termsFirstSeen } : {}),
  };
  const results = sortResults(ruleList.map((rule) => runRule(rule, facts, context)));
  const { score, grade, verdict } = scoreResults(results);
  return {
    schema: AUDIT_SCHEMA,
    url: meta.url,
    title: meta.title,
    auditedAt: meta.auditedAt,
    mode: meta.mode,
    ...(meta.savedPage ? { savedPage: meta.savedPage } : {}),
    pageType,
    detectedPageType,
    classification,
    score,
    grade,
    verdict,
    rulesetVersion: RULESET_VERSION,
    locale,
    results,
    facts,
  };
}

/**
 * A terms page collected without its text (rules/page.ts): the page side reads it when the page type a person chose
 * says terms, else only once this says so, since the page type is judged here.
 */
export function termsTextWanted(page: CollectedPage, classification?: PageClassification): boolean {
  if (page.facts.termsDocument) return false;
  return (page.pageType ?? (classification ?? classifyPageType(page.facts)).type) === 'terms';
}

/**
 * Judges what the page side collected (rules/page.ts): the audit the same page gets from auditDocument. A caller that
 * classified the facts already passes its classification, so they are not classified twice.
 */
export function judgePage(page: CollectedPage, locale?: Locale, classification?: PageClassification): AuditResult {
  return evaluate(page.facts, {
    url: page.url,
    title: page.title,
    mode: page.mode,
    auditedAt: page.auditedAt,
    ...(page.savedPage ? { savedPage: page.savedPage } : {}),
    ...(page.pageType ? { pageType: page.pageType } : {}),
    ...(locale ? { locale } : {}),
    ...(classification ? { classification } : {}),
  });
}
