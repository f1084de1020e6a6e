/**
 * The one text layer: every code the engine and the stores hold (rule, outcome, status, group, verdict, page type,
 * citation, badge, shopper's verdict) becomes words here, for every screen, every export and the CLI. The engine
 * emits message keys and params only; nothing else renders them.
 */
import type { AuditResult, Grade, RuleResult, Verdict } from '@/rules/types';
import type { NoticeStatus, StatedDates, TermsComparison, TermsDocumentKind } from '@/rules/terms/types';
import { formatIsoTime } from './dates';
import type { Locale } from '@/utils/locale';
import { hasMessage, t, type MessageParams } from './index';
import { formatTime } from './dates';

const LIST_SEPARATOR: Record<Locale, string> = { zh_CN: '、', en: ', ' };
const CLAUSE_SEPARATOR: Record<Locale, string> = { zh_CN: '；', en: '; ' };

/** "邮政编码、电子邮箱" / "postal code, e-mail": items of one list. */
export function joinList(items: readonly string[], locale: Locale): string {
  return items.join(LIST_SEPARATOR[locale]);
}

/** Whole phrases or citations side by side: "；" in Chinese, "; " in English. */
export function joinClauses(items: readonly string[], locale: Locale): string {
  return items.join(CLAUSE_SEPARATOR[locale]);
}

/** The message-key stem of a code: `icp-number` → `icp_number`. */
function stem(code: string): string {
  return code.replace(/-/g, '_');
}

/** A code from an imported file may be one this version does not know: it is then shown as written. */
function named(prefix: string, code: string, locale: Locale): string {
  const key = `${prefix}${stem(code)}`;
  return hasMessage(key, locale) ? t(key, locale) : code;
}

/** A rule's name; a rule this version does not know (from an imported file) is named by its id. */
export function ruleTitle(ruleId: string, locale: Locale): string {
  const key = `rule_${stem(ruleId)}_title`;
  return hasMessage(key, locale) ? t(key, locale) : ruleId;
}

/** The rule's one-sentence plain explanation of what the article asks; empty for a rule this version does not know. */
export function ruleHelp(ruleId: string, locale: Locale): string {
  const key = `rule_${stem(ruleId)}_help`;
  return hasMessage(key, locale) ? t(key, locale) : '';
}
/** `pass`, `fail`, `review`, `na`, `error`, and the checklist's `advice` and `absent`. */
export const statusName = (status: string, locale: Locale) => named('status_', status, locale);
export const levelName = (level: string, locale: Locale) => named('level_', level, locale);
export const groupName = (group: string, locale: Locale) => named('group_', group, locale);
export const verdictName = (verdict: string, locale: Locale) => named('verdict_', verdict, locale);
export const pageTypeName = (pageType: string, locale: Locale) => named('page_type_', pageType, locale);
/** A page-type model feature (rules/page-type-model.ts), as the popup's 判断依据 names it. */
export const pageFeatureName = (feature: string, locale: Locale) => named('page_feature_', feature, locale);
export const hiddenReasonName = (reason: string, locale: Locale) => named('hidden_reason_', reason, locale);

export function visibilityName(visible: boolean | null, locale: Locale): string {
  return t(visible === true ? 'evidenceVisible_yes' : visible === false ? 'evidenceVisible_no' : 'evidenceVisible_unknown', locale);
}

export function gradeName(grade: Grade, locale: Locale): string {
  return grade === 'N/A' ? t('grade_na', locale) : t('grade_label', locale, { grade });
}

/** "得分 87/100", or "无评级" for an audit that has no score (a page the rules do not apply to). */
export function scoreName(score: number | null, locale: Locale): string {
  return score === null ? t('grade_na', locale) : t('score_label', locale, { score });
}

/**
 * A result's outcome in `locale`. Params named `…Keys` hold message keys joined by `|` (the engine's `keyList`)
 * and come out as a list in the same language; `unlistedCount` (evidence the engine left out past its limit) adds
 * how many were not listed. An audit stored by an older version may carry only its rendered `message`, or a key
 * this version no longer has: that message is shown as it was stored.
 */
export function resultMessage(
  result: Pick<RuleResult, 'messageKey' | 'messageParams'> & { message?: string },
  locale: Locale,
): string {
  if (!result.messageKey || !hasMessage(result.messageKey, locale)) return result.message ?? result.messageKey ?? '';
  if (!result.messageParams) return t(result.messageKey, locale);
  const params: MessageParams = {};
  for (const [name, value] of Object.entries(result.messageParams)) {
    params[name] =
      name.endsWith('Keys') && typeof value === 'string'
        ? joinList(
            value
              .split('|')
              .filter(Boolean)
              .map((key) => (hasMessage(key, locale) ? t(key, locale) : key)),
            locale,
          )
        : value;
  }
  const message = t(result.messageKey, locale, params);
  const unlisted = result.messageParams.unlistedCount;
  return typeof unlisted === 'number' && unlisted > 0
    ? `${message}${t('result_evidence_unlisted', locale, { count: unlisted })}`
    : message;
}

// Citations ------------------------------------------------------------------------------------------------------

/** The instruments the rules cite, by the short name a citation starts with. */
export const INSTRUMENTS = ['G1', 'G2', 'G3', 'E-Commerce Law', 'PIPL'] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

const INSTRUMENT_KEYS: Record<Instrument, string> = {
  G1: 'law_g1',
  G2: 'law_g2',
  G3: 'law_g3',
  'E-Commerce Law': 'law_ecommerce',
  PIPL: 'law_pipl',
};

interface Citation {
  instrument: Instrument;
  article: number;
  item?: number;
  paragraph?: number | 'last';
}

const CITATION = /^(G1|G2|G3|E-Commerce Law|PIPL) art\. (\d+)(?:\((\d+)\))?(?: (?:para\. (\d+)|(last) para\.))?$/;

export function parseCitation(basis: string): Citation | null {
  const match = CITATION.exec(basis);
  if (!match) return null;
  const citation: Citation = { instrument: match[1] as Instrument, article: Number(match[2]) };
  if (match[3]) citation.item = Number(match[3]);
  if (match[4]) citation.paragraph = Number(match[4]);
  if (match[5]) citation.paragraph = 'last';
  return citation;
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 9 → 九, 15 → 十五, 33 → 三十三 (articles, paragraphs and items stay under a hundred). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] || '零';
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}

/**
 * zh_CN: 《网络交易平台合同格式条款规范指引》第八条第（二）项, as an inspector writes it; en: the short form
 * (`G2 art. 8(2)`), whose instruments `citationLegend` names in full. A citation this version cannot parse is shown
 * as written.
 */
export function citation(basis: string, locale: Locale): string {
  if (locale === 'en') return basis;
  const parsed = parseCitation(basis);
  if (!parsed) return basis;
  const name = t(`${INSTRUMENT_KEYS[parsed.instrument]}_name`, locale);
  let text = `《${name}》第${chineseNumber(parsed.article)}条`;
  if (parsed.paragraph === 'last') text += '最后一款';
  else if (parsed.paragraph) text += `第${chineseNumber(parsed.paragraph)}款`;
  if (parsed.item) text += `第（${chineseNumber(parsed.item)}）项`;
  return text;
}

export function citations(basis: readonly string[], locale: Locale): string {
  return joinClauses(basis.map((b) => citation(b, locale)), locale);
}

/** The instruments a set of citations names, in catalogue order. */
export function instrumentsCited(basis: Iterable<string>): Instrument[] {
  const cited = new Set<Instrument>();
  for (const b of basis) {
    const parsed = parseCitation(b);
    if (parsed) cited.add(parsed.instrument);
  }
  return INSTRUMENTS.filter((instrument) => cited.has(instrument));
}

/** One instrument in full, with its issuer and year: 《…》（国家工商行政管理总局，2014 年）. */
export function instrumentInFull(instrument: Instrument, locale: Locale): string {
  return t(`${INSTRUMENT_KEYS[instrument]}_full`, locale);
}

/** en: "G1: Guidelines … (SAIC, 2014)" lines for the short forms; zh_CN cites in full, so the same lines name each. */
export function citationLegend(basis: Iterable<string>, locale: Locale): string[] {
  return instrumentsCited(basis).map((instrument) =>
    locale === 'en' ? `${instrument}: ${instrumentInFull(instrument, locale)}` : instrumentInFull(instrument, locale),
  );
}

// Counts, badge and shopper's verdict ------------------------------------------------------------------------------

/**
 * The counts every screen and export shows. An encouraged practice the page lacks is `advice`, not a failure
 * (as in the checklist), so "failed" means a mandatory article is not met, everywhere.
 */
export function outcomeCounts(results: readonly RuleResult[]): Record<'fail' | 'advice' | 'review' | 'pass' | 'na', number> {
  const counts = { fail: 0, advice: 0, review: 0, pass: 0, na: 0 };
  for (const r of results) {
    if (r.status === 'fail') counts[r.level === 'encouraged' ? 'advice' : 'fail']++;
    else if (r.status === 'error' || r.status === 'review') counts.review++;
    else counts[r.status]++;
  }
  return counts;
}

/**
 * The badge's text and tooltip. A verdict of review shows its grade with a `?` (`A?`), so an amber grade never
 * reads as a clean pass; a page the rules do not apply to shows a dash.
 */
export function badgeText(audit: Pick<AuditResult, 'grade' | 'verdict'>): string {
  if (audit.verdict === 'na') return '–';
  return audit.verdict === 'review' ? `${audit.grade}?` : audit.grade;
}

export function badgeTooltip(audit: Pick<AuditResult, 'grade' | 'verdict' | 'score' | 'results'>, locale: Locale): string {
  if (audit.verdict === 'na') return t('badgeTitleNotApplicable', locale);
  const counts = outcomeCounts(audit.results);
  const key = audit.verdict === 'review' ? 'badgeTitleReview' : 'badgeTitle';
  return t(key, locale, { grade: audit.grade, score: audit.score ?? 0, failed: counts.fail, review: counts.review });
}

/** The toolbar button's tooltip on a site whose automatic audits are paused. */
export function pausedTooltip(locale: Locale): string {
  return t('badgeTitlePaused', locale);
}

/** What a shopper cares about first: who sells, how to reach them, what the terms take away. */
const SHOPPER_ORDER = [
  'shop-seller-identity',
  'business-licence',
  'contact-details',
  'no-liability-exclusion',
  'no-rights-exclusion',
  'no-added-liability',
  'no-final-interpretation-claim',
  'dispute-mechanism',
  'terms-links',
  'privacy-policy',
];

function shopperRank(result: RuleResult): number {
  const rank = SHOPPER_ORDER.indexOf(result.ruleId);
  return rank === -1 ? SHOPPER_ORDER.length : rank;
}

/** A rule's phrase for the shopper's view, falling back to its group's, or null when the rule has none. */
function phrase(kind: 'shown' | 'missing', result: RuleResult, locale: Locale): string | null {
  const specific = `consumer_${kind}_${stem(result.ruleId)}`;
  if (hasMessage(specific, locale)) return t(specific, locale);
  const general = `consumer_${kind}_group_${stem(result.group)}`;
  return hasMessage(general, locale) ? t(general, locale) : null;
}

function unique(items: Array<string | null>): string[] {
  return [...new Set(items.filter((item): item is string => item !== null))];
}

/** Where an unfair clause was read: this shop's page or this page; on an agreement the subject already says so. */
function clauseWhere(audit: AuditResult, locale: Locale): string {
  if (audit.pageType === 'terms') return '';
  const source = t(audit.pageType === 'shop' ? 'consumer_source_shop' : 'consumer_source_page', locale);
  return t('consumer_clause_where', locale, { source });
}

/** Missing things in one sentence: "，" in Chinese, "; " in English. */
const PHRASE_SEPARATOR: Record<Locale, string> = { zh_CN: '，', en: '; ' };

/**
 * The audit in one or two plain sentences for a shopper, leading with what matters most to a buyer: what the
 * page leaves out (mandatory failures only) before what it shows, with where a clause was found, and how many
 * findings need a person's judgement. e.g. 这家店没有留联系方式，但公示了营业执照。
 */
export function consumerVerdict(audit: AuditResult, locale: Locale): string {
  if (audit.verdict === 'na') return t('consumer_verdict_na', locale);
  const byImportance = [...audit.results].sort((a, b) => shopperRank(a) - shopperRank(b));
  const subject = named('consumer_subject_', audit.pageType, locale);
  const shown = unique(byImportance.filter((r) => r.status === 'pass').map((r) => phrase('shown', r, locale)));
  const missingResults = byImportance.filter((r) => r.status === 'fail' && r.level === 'mandatory');
  const missing = unique(
    missingResults.map((r) => {
      const text = phrase('missing', r, locale);
      return text && r.group === 'unfair-terms' ? `${text}${clauseWhere(audit, locale)}` : text;
    }),
  );
  const review = audit.results.filter((r) => r.status === 'review' || r.status === 'error').length;
  const params = { subject, shown: joinList(shown, locale), missing: missing.join(PHRASE_SEPARATOR[locale]) };
  let sentence: string;
  if (shown.length > 0 && missing.length > 0) sentence = t('consumer_verdict_missing_shown', locale, params);
  else if (missing.length > 0) sentence = t('consumer_verdict_missing', locale, params);
  else if (shown.length > 0) sentence = t(review > 0 ? 'consumer_verdict_shown' : 'consumer_verdict_shown_clean', locale, params);
  else sentence = t('consumer_verdict_unclear', locale, params);
  return review > 0 ? `${sentence}${t('consumer_verdict_review', locale, { count: review })}` : sentence;
}

/** 用户协议 / privacy policy: the kind of a tracked terms document. */
export const termsDocumentKindName = (kind: TermsDocumentKind, locale: Locale) => named('terms_document_', kind, locale);

/** The dates a terms version states, in one line; a date it does not state says so. */
export function termsDatesLine(dates: StatedDates, locale: Locale): string {
  const unstated = t('terms_view_date_unstated', locale);
  const published = dates.published?.date ?? dates.updated?.date ?? unstated;
  const effective = dates.effective?.onPublication ? dates.effective.quote : (dates.effective?.date ?? unstated);
  return t('terms_view_dates', locale, { published, effective });
}

/** "版本 2：首次见到 …，最后见到 …（3 次）", times as the wall clock with its offset. */
export function termsVersionLine(
  version: { firstSeen: string; lastSeen: string; seenCount: number },
  n: number,
  locale: Locale,
): string {
  return t('terms_view_version', locale, {
    n,
    first: formatIsoTime(version.firstSeen, locale),
    last: formatIsoTime(version.lastSeen, locale),
    count: version.seenCount,
  });
}

/** What changed between two versions, counted by clause (a stored comparison or the CLI's report). */
export function termsChangeSummary(comparison: Pick<TermsComparison, 'identical' | 'counts'>, locale: Locale): string {
  return comparison.identical ? t('terms_view_identical', locale) : t('terms_view_counts', locale, comparison.counts);
}

/** The seven-day notice judgement (G2 art. 6 para. 2, E-Commerce Law art. 34) in a sentence. */
export const termsNoticeText = (status: NoticeStatus, locale: Locale) => t(`terms_notice_${status}`, locale);

/** The seven-day notice judgement of the later version, and the inspector's seen-late note when there is one. */
export function termsNoticeLines(comparison: TermsComparison, locale: Locale): string[] {
  const { notice, observation } = comparison;
  const lines = [termsNoticeText(notice.status, locale)];
  if (observation) {
    lines.push(
      t('terms_view_seen_late', locale, {
        firstSeen: formatIsoTime(observation.firstSeen, locale),
        effective: observation.effective,
        days: observation.days,
      }),
    );
  }
  return lines;
}

// Deleting evidence ------------------------------------------------------------------------------------------------

/** Captures named one by one in a deletion warning; the rest are counted. */
const BREAKS_NAMED = 5;

/**
 * What a deletion that removes captured evidence breaks, naming each capture by its place in the chain: null when
 * it removes none. e.g. 其中有已取证的核查：删除后，取证链将在第 3 号取证（2026/12/02 10:44，https://…）处显示断裂…
 */
export function evidenceBreakWarning(
  captures: ReadonlyArray<{ sequence: number | null; capturedAtMs: number; url: string }>,
  locale: Locale,
): string | null {
  if (captures.length === 0) return null;
  const named = captures.slice(0, BREAKS_NAMED).map((capture) => {
    const params = { sequence: capture.sequence ?? '', time: formatTime(capture.capturedAtMs, locale), page: capture.url };
    return t(capture.sequence === null ? 'evidence_break_unsequenced' : 'evidence_break_item', locale, params);
  });
  let list = joinList(named, locale);
  if (captures.length > BREAKS_NAMED) list += t('evidence_break_more', locale, { count: captures.length });
  return t('confirm_evidence_break', locale, { captures: list });
}
