/**
 * The labelled real pages (tests/fixtures/corpus and tests/fixtures/corpus-pagetype, each copied whole from the
 * shared labelled sets), the project's own page-type fixtures (tests/fixtures/page-types), and their labels.
 */
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

/** A labelled set of pages: each label names its file, its page type and (some of) the facts a careful reader finds. */
export interface LabelledSet {
  name: string;
  dir: string;
  labels: LabelledPage[];
}

/** The fields every set labels; the real corpus labels more (CorpusExpected). `phone` is left out where unclear. */
export interface LabelledPage {
  file: string;
  pageType: PageType;
  expected: Partial<CorpusExpected> & Pick<CorpusExpected, 'icpNumber' | 'psbNumber' | 'businessLicenceLink' | 'email'>;
}

function labelledSet(name: string, dir: string): LabelledSet {
  const root = resolve(dir);
  return { name, dir: root, labels: JSON.parse(readFileSync(join(root, 'labels.json'), 'utf8')) };
}

export const LABELLED_SETS: readonly LabelledSet[] = [
  labelledSet('real', 'tests/fixtures/corpus'),
  labelledSet('pagetype', 'tests/fixtures/corpus-pagetype'),
  labelledSet('own', 'tests/fixtures/page-types'),
];

/** The page's bytes, decoded as the command-line auditor decodes a saved file (cli/load.ts). */
export function labelledBytes(set: LabelledSet, label: LabelledPage): Uint8Array {
  return new Uint8Array(readFileSync(join(set.dir, label.file)));
}

export function labelledFileUrl(set: LabelledSet, label: LabelledPage): string {
  return pathToFileURL(join(set.dir, label.file)).href;
}
