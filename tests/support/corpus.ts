/** The labelled real pages (tests/fixtures/corpus, copied whole from the shared labelled set) and their labels. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PageType, TermsKind } from '@/rules/types';

export const CORPUS_DIR = resolve('tests/fixtures/corpus');

/** What a careful human reader finds in a page (the fields of labels.json the tests use). */
export interface CorpusExpected {
  icpNumber: string | null;
  icpLinked: boolean | null;
  psbNumber: string | null;
  psbLinked: boolean | null;
  businessLicenceLink: boolean;
  phone: string[];
  email: string[];
  address: string | null;
  postalCode: string | null;
  termsLinks: Record<TermsKind, boolean>;
  otherLicences: string[];
}

export interface CorpusLabel {
  file: string;
  site: string;
  pageType: PageType;
  /** Fields whose label is a judgement call. */
  ambiguous: string[];
  expected: CorpusExpected;
}

export const corpusLabels: CorpusLabel[] = JSON.parse(readFileSync(join(CORPUS_DIR, 'labels.json'), 'utf8'));

export function corpusFileName(label: CorpusLabel): string {
  return label.file.split('/').pop()!;
}

export function corpusHtml(label: CorpusLabel): string {
  return readFileSync(join(CORPUS_DIR, label.file), 'utf8');
}

/** The page's own file URL: audits of a saved file take no signals from a made-up site URL. */
export function corpusFileUrl(label: CorpusLabel): string {
  return pathToFileURL(join(CORPUS_DIR, label.file)).href;
}
