import type { Locale } from '@/rules/types';
import { t } from '@/i18n';

/**
 * What a verification or an import can find wrong. Each code has a message `evidenceProblem_<code>` in
 * i18n/messages/evidence.json; the params name the file, the capture and the digests involved.
 */
export const PROBLEM_CODES = [
  // the chain in the database
  'recordChanged',
  'linkBroken',
  'captureMissing',
  'captureDuplicate',
  'headMissing',
  'auditMissing',
  'auditChanged',
  'artefactMissing',
  'artefactChanged',
  // an exported bundle
  'fileChanged',
  'fileMissing',
  'fileUnexpected',
  'manifestUnreadable',
  'manifestChanged',
  'bundleNotZip',
  'bundleNoManifest',
  'bundleForeign',
  // an import
  'importNotJson',
  'importForeign',
  'importNewerSchema',
  'importInvalid',
  'importDigestMismatch',
  'importEmpty',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  code: ProblemCode;
  params: Record<string, string | number>;
}

export function problem(code: ProblemCode, params: Record<string, string | number> = {}): Problem {
  return { code, params };
}

export function describeProblem(p: Problem, locale: Locale): string {
  return t(`evidenceProblem_${p.code}`, locale, p.params);
}
