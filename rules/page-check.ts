/**
 * The judging side's check of a CollectedPage that came from elsewhere (a content script's message): null when it
 * has the shape judgePage relies on, else the path of the first thing wrong (`facts.icp[2].serial`). Every field a
 * rule, the classifier, the scoring or the storage reads is checked; fields it does not know are left alone.
 */
import type { TermsDocumentKind } from './terms/types';
import {
  COLLECTED_PAGE_SCHEMA,
  HIDDEN_REASONS,
  PAGE_TYPES,
  TERMS_KINDS,
  type AuditMode,
  type IcpKind,
  type SavedPage,
} from './types';

type Check = (value: unknown, path: string) => string | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const string: Check = (v, path) => (typeof v === 'string' ? null : path);
const boolean: Check = (v, path) => (typeof v === 'boolean' ? null : path);
const count: Check = (v, path) => (typeof v === 'number' && Number.isFinite(v) ? null : path);
const oneOf =
  (allowed: readonly string[]): Check =>
  (v, path) =>
    typeof v === 'string' && allowed.includes(v) ? null : path;
const nullable =
  (check: Check): Check =>
  (v, path) =>
    v === null ? null : check(v, path);
const optional =
  (check: Check): Check =>
  (v, path) =>
    v === undefined ? null : check(v, path);

function listOf(check: Check): Check {
  return (v, path) => {
    if (!Array.isArray(v)) return path;
    for (let i = 0; i < v.length; i++) {
      const wrong = check(v[i], `${path}[${i}]`);
      if (wrong) return wrong;
    }
    return null;
  };
}

function valuesOf(check: Check): Check {
  return (v, path) => {
    if (!isObject(v)) return path;
    for (const [key, value] of Object.entries(v)) {
      const wrong = check(value, `${path}.${key}`);
      if (wrong) return wrong;
    }
    return null;
  };
}

type Fields = Record<string, Check>;

function shape(fields: Fields): Check {
  return (v, path) => {
    if (!isObject(v)) return path;
    for (const [key, check] of Object.entries(fields)) {
      const wrong = check(v[key], `${path}.${key}`);
      if (wrong) return wrong;
    }
    return null;
  };
}

const EVIDENCE: Fields = {
  selector: string,
  text: string,
  href: nullable(string),
  visible: nullable(boolean),
  hiddenReason: optional(oneOf(HIDDEN_REASONS)),
  context: optional(string),
  rootPath: optional(listOf(string)),
};
const evidence = (fields: Fields = {}) => listOf(shape({ ...EVIDENCE, ...fields }));

const ICP_KINDS: readonly IcpKind[] = ['filing', 'licence', 'telecom'];
const URL_FROM: ReadonlyArray<SavedPage['urlFrom']> = ['given', 'saved-from', 'canonical', 'og-url', 'base'];
const MODES: readonly AuditMode[] = ['static', 'browser'];
const TERMS_DOCUMENT_KINDS: readonly TermsDocumentKind[] = ['agreement', 'privacy-policy'];

const statedDate = (extra: Fields = {}) => optional(shape({ date: nullable(string), quote: string, selector: string, ...extra }));

const termsDocument = shape({
  canonicalUrl: string,
  kind: oneOf(TERMS_DOCUMENT_KINDS),
  clauses: listOf(shape({ label: nullable(string), text: string, selector: optional(string) })),
  dates: shape({
    published: statedDate(),
    updated: statedDate(),
    effective: statedDate({ onPublication: optional(boolean) }),
    version: optional(shape({ value: string, quote: string, selector: string })),
  }),
  digest: (v, path) => (typeof v === 'string' && /^[0-9a-f]{64}$/.test(v) ? null : path),
  truncated: optional(boolean),
});

const facts = shape({
  icp: evidence({
    kind: oneOf(ICP_KINDS),
    province: nullable(string),
    serial: string,
    siteSuffix: nullable(count),
    valid: boolean,
    linked: boolean,
  }),
  psb: evidence({
    digits: string,
    province: nullable(string),
    valid: boolean,
    form: oneOf(['current', 'legacy-12', 'bureau']),
    linked: boolean,
    linkMatches: nullable(boolean),
    warnings: listOf(string),
  }),
  businessLicence: evidence({ official: boolean, target: oneOf(['official', 'site-page', 'image', 'other', 'none']) }),
  uscc: evidence({ code: string, valid: boolean, labelled: boolean }),
  phones: evidence({ normalized: string, kind: oneOf(['mobile', 'landline', 'hotline', 'international']) }),
  emails: evidence(),
  addresses: evidence(),
  postalCodes: evidence(),
  terms: shape(Object.fromEntries(TERMS_KINDS.map((kind) => [kind, evidence()]))),
  licences: evidence({ name: string, number: nullable(string) }),
  governmentBadges: evidence({ claims: string, official: boolean }),
  identityVerified: boolean,
  identityEvidence: evidence(),
  unfairClauses: evidence({ phrase: string, basis: string }),
  notices: evidence({ kind: string }),
  signals: shape({
    path: string,
    hostname: string,
    textLength: count,
    linkCount: count,
    features: optional(valuesOf(count)),
  }),
  termsDocument: optional(termsDocument),
  gatherErrors: listOf(string),
});

const collectedPage = shape({
  schema: (v, path) => (v === COLLECTED_PAGE_SCHEMA ? null : `${path}: ${JSON.stringify(v)}`),
  url: string,
  title: string,
  mode: oneOf(MODES),
  auditedAt: (v, path) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)) ? null : path),
  savedPage: optional(shape({ location: string, urlFrom: oneOf(URL_FROM) })),
  pageType: optional(oneOf(PAGE_TYPES)),
  facts,
});

export function checkCollectedPage(value: unknown): string | null {
  return collectedPage(value, 'page');
}
