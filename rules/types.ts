/**
 * The engine's contract: plain, serialisable data from the gatherer to the rules, the score and every consumer
 * (content script, background, popup, dashboard, exports, CLI). `schema` versions the AuditResult shape.
 */
import type { Locale } from '../utils/locale';

import type { TermsDocument } from './terms/types';
export type { Locale };

/**
 * `/2`: results carry message keys only, and a page nothing applies to has no score (null, not 0). `/3`: the page
 * signals no longer carry hint-word lists. Audits of `/1` (with a rendered `message`, and a score of 0 for N/A) and
 * of `/2` still read everywhere.
 */
export const AUDIT_SCHEMA = 'liangzhao.audit/3';
export const READABLE_AUDIT_SCHEMAS = ['liangzhao.audit/1', 'liangzhao.audit/2', AUDIT_SCHEMA] as const;
export type AuditSchema = (typeof READABLE_AUDIT_SCHEMAS)[number];

export type PageType = 'platform-home' | 'shop' | 'product' | 'terms' | 'other';
export const PAGE_TYPES: readonly PageType[] = ['platform-home', 'shop', 'product', 'terms', 'other'];

export type RuleStatus = 'pass' | 'fail' | 'review' | 'na' | 'error';
export type RuleLevel = 'mandatory' | 'encouraged';
export type AuditMode = 'static' | 'browser';

/** What the checklist is grouped by. */
export type RuleGroup = 'licence' | 'filing' | 'contact' | 'terms' | 'seller' | 'unfair-terms' | 'presentation';

/**
 * `true` seen, `false` hidden (with `hiddenReason`), `null` unknowable here (static parse: needs a browser).
 */
export type Visibility = boolean | null;

export const HIDDEN_REASONS = [
  'display-none',
  'visibility-hidden',
  'opacity-zero',
  'off-screen',
  'tiny-font',
  'same-colour',
  'hidden-attribute',
  'closed-details',
  'noscript',
  'zero-size',
] as const;

export type HiddenReason = (typeof HIDDEN_REASONS)[number];

/** Where a fact was found: enough to find the element again and to show it to a person. */
export interface Evidence {
  selector: string;
  text: string;
  /** Resolved against the page URL; null for no link or a placeholder (`#`, empty, `javascript:`). */
  href: string | null;
  visible: Visibility;
  hiddenReason?: HiddenReason;
  /** The bounded line of page text around the fact, when `text` holds only the fact itself (a number). */
  context?: string;
  /** Selectors of the iframes / shadow hosts, outermost first, whose document or shadow root holds `selector`. */
  rootPath?: string[];
}

export type IcpKind = 'filing' | 'licence' | 'telecom';

export interface IcpFact extends Evidence {
  kind: IcpKind;
  /** Province abbreviation as written (京, 浙…), or null when missing. */
  province: string | null;
  serial: string;
  /** The `-N` site suffix, when present. */
  siteSuffix: number | null;
  valid: boolean;
  /** Inside a link to an MIIT filing host. */
  linked: boolean;
}

export interface PsbFact extends Evidence {
  digits: string;
  province: string | null;
  /** 14 digits with a known division agreeing with the province character. */
  valid: boolean;
  /** 'current' 14 digits, 'legacy-12' 12 digits, 'bureau' the 北京市公安局…备案编号 form. */
  form: 'current' | 'legacy-12' | 'bureau';
  /** Linked to beian.mps.gov.cn or www.beian.gov.cn. */
  linked: boolean;
  /** The code in the link equals the digits shown (null when not linked). */
  linkMatches: boolean | null;
  warnings: string[];
}

export interface BusinessLicenceFact extends Evidence {
  /** Points to the official licence-display system or another government host. */
  official: boolean;
  target: 'official' | 'site-page' | 'image' | 'other' | 'none';
}

export interface UsccFact extends Evidence {
  code: string;
  valid: boolean;
  /** Found next to 统一社会信用代码 rather than alone. */
  labelled: boolean;
}

export interface PhoneFact extends Evidence {
  /** Digits only, with a `-ext` kept: `4006561155`, `02160841111-3612`. */
  normalized: string;
  kind: 'mobile' | 'landline' | 'hotline' | 'international';
}

export type EmailFact = Evidence;
export type AddressFact = Evidence;
export type PostalCodeFact = Evidence;
export type TermsLinkFact = Evidence;

export type TermsKind = 'userAgreement' | 'privacyPolicy' | 'tradingRules' | 'consumerProtection' | 'disputeResolution';
export const TERMS_KINDS: readonly TermsKind[] = [
  'userAgreement',
  'privacyPolicy',
  'tradingRules',
  'consumerProtection',
  'disputeResolution',
];

export interface LicenceFact extends Evidence {
  /** Canonical name, e.g. 网络文化经营许可证. */
  name: string;
  number: string | null;
}

export interface GovernmentBadgeFact extends Evidence {
  /** Which authority it presents itself as: 工商, 红盾, 网监, 公安, 电子标识, 亮照. */
  claims: string;
  official: boolean;
}

export type G2Article = 'G2 art. 6' | 'G2 art. 10' | 'G2 art. 11' | 'G2 art. 12' | 'G2 art. 13';

export interface UnfairClauseFact extends Evidence {
  /** The phrase that triggered the finding; `text` is the whole sentence. */
  phrase: string;
  basis: G2Article;
}

/**
 * The `kind`s of `Facts.notices` the rules read: G1 art. 23 measures, G1 art. 24 closing, G1 art. 33 reports,
 * G2 art. 6 advance publication of term changes, G2 art. 9 emphasised clauses of major interest.
 */
export const NOTICE_KINDS = [
  'closing',
  'advance-compensation',
  'credit-evaluation',
  'dispute-publicity',
  'social-responsibility-report',
  'terms-change-advance',
  'conspicuous-terms',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * Signals the page-type classifier reads; kept in facts so a stored audit can be re-scored without the DOM. Facts of
 * audits before liangzhao.audit/3 also hold lists of hint words (titleHints, shopHints, …), which nothing reads.
 */
export interface PageSignals {
  path: string;
  hostname: string;
  textLength: number;
  linkCount: number;
  /** Counts the page-type model weighs (rules/page-type-model.ts); absent in facts stored before the model. */
  features?: PageFeatures;
}

/** What the page shows, counted (prices, cart buttons, shop names, numbered clauses …): see rules/detectors/page-features.ts. */
export type PageFeatures = Record<string, number>;

/** One type the page-type model weighed, with its score (bias plus points) and its softmax probability. */
export interface PageTypeCandidate {
  type: PageType;
  score: number;
  probability: number;
}

/** A feature that moved the decision: its value on the page and the points it gave one candidate type. */
export interface PageTypeFeature {
  feature: string;
  value: number;
  type: PageType;
  points: number;
}

/** The page-type model's answer (rules/page-type.ts), kept with the audit so a person can see why. */
export interface PageClassification {
  type: PageType;
  /** The winner's probability, 0–1. */
  confidence: number;
  /** Too close to call: the audit asks a person (the `page-type` result is `review`). */
  uncertain: boolean;
  /** Every type, most probable first. */
  candidates: PageTypeCandidate[];
  /**
   * What the features that decided between the two likeliest types gave each of them (the strongest
   * `keptFeatures` by net say, see netFeatures in rules/page-type.ts), strongest first.
   */
  features: PageTypeFeature[];
}

export interface Facts {
  icp: IcpFact[];
  psb: PsbFact[];
  businessLicence: BusinessLicenceFact[];
  uscc: UsccFact[];
  phones: PhoneFact[];
  emails: EmailFact[];
  addresses: AddressFact[];
  postalCodes: PostalCodeFact[];
  terms: Record<TermsKind, TermsLinkFact[]>;
  licences: LicenceFact[];
  governmentBadges: GovernmentBadgeFact[];
  identityVerified: boolean;
  identityEvidence: Evidence[];
  unfairClauses: UnfairClauseFact[];
  /** Announcements of closing the platform (G1 art. 24), advance compensation (G1 art. 23) and the like. */
  notices: Array<Evidence & { kind: string }>;
  signals: PageSignals;
  /** On a terms page: its clauses, stated dates and digest (absent on other pages and in older audits). */
  termsDocument?: TermsDocument;
  /** Facts that could not be collected, with why: a broken frame never breaks the rest. */
  gatherErrors: string[];
}

export interface RuleResult {
  ruleId: string;
  status: RuleStatus;
  level: RuleLevel;
  group: RuleGroup;
  /** e.g. ['G2 art. 8(2)', 'E-Commerce Law art. 15']. */
  basis: string[];
  /**
   * The outcome as a message key and its params, never as words: i18n/text.ts renders it in the reader's language.
   * A param named `…Keys` holds message keys joined by `|` (see `keyList`), rendered as a list.
   */
  messageKey: string;
  messageParams?: Record<string, string | number>;
  evidence: Evidence[];
}

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F' | 'N/A';

/** The verdict the badge colours by. */
export type Verdict = 'pass' | 'fail' | 'review' | 'na';

/** How a page read from a file got the address it is audited as. */
export interface SavedPage {
  /** Where the bytes were read from (a file:// URL). */
  location: string;
  /** `given` when the address was said (the CLI's --url), else the clue in the page that named it. */
  urlFrom: 'given' | 'saved-from' | 'canonical' | 'og-url' | 'base';
}

export interface AuditResult {
  schema: AuditSchema;
  url: string;
  title: string;
  /** ISO 8601 with the time zone offset. */
  auditedAt: string;
  mode: AuditMode;
  pageType: PageType;
  /** What the classifier said, kept when a person overrides `pageType`. */
  detectedPageType: PageType;
  /** Present when the page was read from a file and its web address recovered or given; `url` is that address. */
  savedPage?: SavedPage;
  /** How the classifier decided; absent in audits stored before the page-type model. */
  classification?: PageClassification;
  /** 0 to 100; null when no rule applies (grade N/A). A `/1` audit has 0 there: read it through `scoreOf`. */
  score: number | null;
  grade: Grade;
  verdict: Verdict;
  rulesetVersion: string;
  locale: Locale;
  results: RuleResult[];
  facts: Facts;
}

/** An audit's judgement alone: what the judging side answers the side that collected the facts, which has them. */
export type AuditJudgement = Omit<AuditResult, 'facts'>;

/**
 * `liangzhao.page/2` (`/1` had the hint-word lists in its signals): what the page side collects for the judging side (the content script for the background):
 * the facts and what an audit says of the page besides them. `judgePage` turns it into the AuditResult.
 */
export const COLLECTED_PAGE_SCHEMA = 'liangzhao.page/2';

export interface CollectedPage {
  schema: typeof COLLECTED_PAGE_SCHEMA;
  /** The address the page is judged as (a saved file's recovered one, see `savedPage`). */
  url: string;
  title: string;
  mode: AuditMode;
  /** ISO 8601 with the time zone offset: when the facts were collected. */
  auditedAt: string;
  savedPage?: SavedPage;
  /** A person's correction of the page type; the collection used it too (a terms page's text is read). */
  pageType?: PageType;
  facts: Facts;
}

export interface AuditOptions {
  /**
   * The page URL; defaults to the document's. A file's (or no) address is replaced by the one the saved page names
   * (rules/source-url.ts), unless `location` says where the file is and `url` is the page's web address.
   */
  url?: string;
  /** Where the document was read from, when `url` is a web address said for a saved file (the CLI's --url). */
  location?: string;
  mode?: AuditMode;
  /** A person's correction of the page type. */
  pageType?: PageType;
  locale?: Locale;
  now?: Date;
}

/** What the checklist and the UIs know about a rule without running it (`ruleCatalogue`). */
export interface RuleMeta {
  /** Kebab-case; the rule's file name in rules/catalogue/. */
  id: string;
  group: RuleGroup;
  level: RuleLevel;
  basis: string[];
  /** The page types it applies to; on any other type the result is 'na'. */
  pageTypes: readonly PageType[];
  /** Message keys: the checklist line and a one-sentence plain explanation. */
  titleKey: string;
  helpKey: string;
}
