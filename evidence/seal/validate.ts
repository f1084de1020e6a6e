import { PAGE_TYPES, READABLE_AUDIT_SCHEMAS, type AuditSchema } from '@/rules/types';
import { isSha256 } from './digest';
import { ARTEFACT_KINDS, isCaseFields, READABLE_EVIDENCE_SCHEMAS, type EvidenceRecord, type EvidenceSchema } from './record';

/**
 * Structural checks for data read from a file: each returns null when the value has the shape, else a short
 * description of the first thing wrong with its path (`results[3].status`), for the import's error message.
 */

type Check = string | null;

const STATUSES = ['pass', 'fail', 'review', 'na', 'error'];
const LEVELS = ['mandatory', 'encouraged'];
const VERDICTS = ['pass', 'fail', 'review', 'na'];
const GRADES = ['A', 'B', 'C', 'D', 'F', 'N/A'];
const MODES = ['static', 'browser'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

function oneOf(value: unknown, allowed: readonly string[], path: string): Check {
  return isString(value) && allowed.includes(value) ? null : `${path}: ${JSON.stringify(value)}`;
}

function isIsoTime(value: unknown): boolean {
  return isString(value) && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
}

function checkEvidence(value: unknown, path: string): Check {
  if (!isObject(value)) return path;
  if (!isString(value.selector)) return `${path}.selector`;
  if (!isString(value.text)) return `${path}.text`;
  if (!(value.href === null || isString(value.href))) return `${path}.href`;
  if (!(value.visible === null || typeof value.visible === 'boolean')) return `${path}.visible`;
  return null;
}

export function checkAudit(value: unknown, path = 'audit'): Check {
  if (!isObject(value)) return path;
  if (!READABLE_AUDIT_SCHEMAS.includes(value.schema as AuditSchema)) return `${path}.schema: ${JSON.stringify(value.schema)}`;
  for (const field of ['url', 'title', 'rulesetVersion'] as const) {
    if (!isString(value[field])) return `${path}.${field}`;
  }
  if (!isIsoTime(value.auditedAt)) return `${path}.auditedAt: ${JSON.stringify(value.auditedAt)}`;
  const enums =
    oneOf(value.mode, MODES, `${path}.mode`) ??
    oneOf(value.pageType, PAGE_TYPES, `${path}.pageType`) ??
    oneOf(value.grade, GRADES, `${path}.grade`) ??
    oneOf(value.verdict, VERDICTS, `${path}.verdict`);
  if (enums) return enums;
  if (value.detectedPageType !== undefined) {
    const detected = oneOf(value.detectedPageType, PAGE_TYPES, `${path}.detectedPageType`);
    if (detected) return detected;
  }
  // Since /2 an audit nothing applied to has no score.
  const noScore = value.score === null && value.grade === 'N/A' && value.schema !== 'liangzhao.audit/1';
  if (!noScore && (typeof value.score !== 'number' || !Number.isFinite(value.score) || value.score < 0 || value.score > 100)) {
    return `${path}.score: ${JSON.stringify(value.score)}`;
  }
  if (!Array.isArray(value.results)) return `${path}.results`;
  for (const [i, result] of value.results.entries()) {
    const at = `${path}.results[${i}]`;
    if (!isObject(result)) return at;
    if (!isString(result.ruleId)) return `${at}.ruleId`;
    const bad = oneOf(result.status, STATUSES, `${at}.status`) ?? oneOf(result.level, LEVELS, `${at}.level`);
    if (bad) return bad;
    if (!Array.isArray(result.basis) || !result.basis.every(isString)) return `${at}.basis`;
    // Results carry a message key; audits stored before the text layer carry their rendered message instead.
    if (!isString(result.messageKey) && !isString(result.message)) return `${at}.messageKey`;
    if (!Array.isArray(result.evidence)) return `${at}.evidence`;
    for (const [j, ev] of result.evidence.entries()) {
      const evidence = checkEvidence(ev, `${at}.evidence[${j}]`);
      if (evidence) return evidence;
    }
  }
  if (!isObject(value.facts)) return `${path}.facts`;
  return null;
}

export function checkRecord(value: unknown, path = 'record'): Check {
  if (!isObject(value)) return path;
  if (!READABLE_EVIDENCE_SCHEMAS.includes(value.schema as EvidenceSchema)) return `${path}.schema: ${JSON.stringify(value.schema)}`;
  if (!isString(value.chainId) || !value.chainId) return `${path}.chainId`;
  if (!Number.isInteger(value.sequence) || (value.sequence as number) < 1) return `${path}.sequence`;
  if (!(value.previous === null || isSha256(value.previous))) return `${path}.previous`;
  if (!isIsoTime(value.capturedAt)) return `${path}.capturedAt`;
  for (const field of ['url', 'title', 'userAgent', 'extensionVersion', 'rulesetVersion'] as const) {
    if (!isString(value[field])) return `${path}.${field}`;
  }
  if (!isCaseFields(value.caseFields)) return `${path}.caseFields`;
  if (!isSha256(value.auditSha256)) return `${path}.auditSha256`;
  if (!Array.isArray(value.artefacts)) return `${path}.artefacts`;
  for (const [i, a] of value.artefacts.entries()) {
    const at = `${path}.artefacts[${i}]`;
    if (!isObject(a) || !isString(a.name) || !/^[\w.-]+$/.test(a.name)) return `${at}.name`;
    const kind = oneOf(a.kind, ARTEFACT_KINDS, `${at}.kind`);
    if (kind) return kind;
    if (!isString(a.mediaType)) return `${at}.mediaType`;
    if (!Number.isInteger(a.size) || (a.size as number) < 0) return `${at}.size`;
    if (!isSha256(a.sha256)) return `${at}.sha256`;
  }
  if (!Array.isArray(value.absent)) return `${path}.absent`;
  for (const [i, a] of value.absent.entries()) {
    if (!isObject(a) || oneOf(a.kind, ARTEFACT_KINDS, '') !== null || !isString(a.reason)) return `${path}.absent[${i}]`;
  }
  if (value.viewport !== undefined && !numbers(value.viewport, ['scrollX', 'scrollY', 'width', 'height', 'devicePixelRatio'])) {
    return `${path}.viewport`;
  }
  if (value.fullPage !== undefined) {
    const fullPage = value.fullPage;
    if (!numbers(fullPage, ['pageHeight', 'capturedHeight', 'frames', 'width', 'height']) || typeof fullPage.cut !== 'boolean') {
      return `${path}.fullPage`;
    }
  }
  return null;
}

/** An object whose `fields` are all finite numbers. */
function numbers(value: unknown, fields: readonly string[]): value is Record<string, unknown> {
  return isObject(value) && fields.every((field) => typeof value[field] === 'number' && Number.isFinite(value[field]));
}

export function isRecord(value: unknown): value is EvidenceRecord {
  return checkRecord(value) === null;
}

const TERMS_KINDS = ['agreement', 'privacy-policy'];

/** A terms version from an export (`liangzhao.export/2` termsDocuments[].versions[]). */
export function checkTermsVersion(value: unknown, path = 'version'): Check {
  if (!isObject(value)) return path;
  if (!isString(value.canonicalUrl) || !value.canonicalUrl) return `${path}.canonicalUrl`;
  const kind = oneOf(value.kind, TERMS_KINDS, `${path}.kind`);
  if (kind) return kind;
  if (!isString(value.title)) return `${path}.title`;
  if (!isSha256(value.digest)) return `${path}.digest`;
  if (!Array.isArray(value.clauses)) return `${path}.clauses`;
  for (const [i, clause] of value.clauses.entries()) {
    if (!isObject(clause) || !isString(clause.text) || !(clause.label === null || isString(clause.label))) return `${path}.clauses[${i}]`;
  }
  if (!isObject(value.dates)) return `${path}.dates`;
  for (const field of ['firstSeen', 'lastSeen'] as const) {
    if (!isIsoTime(value[field])) return `${path}.${field}: ${JSON.stringify(value[field])}`;
  }
  if (!Number.isInteger(value.seenCount) || (value.seenCount as number) < 1) return `${path}.seenCount`;
  return null;
}
