/**
 * The gatherer: one walk over the document, then every detector over the collected text, links and images.
 * `gatherFacts` runs it to completion; `gatherFactsAsync` runs the very same steps in time slices so no
 * main-thread task runs long on a large page.
 */
import { createYielder } from '../../utils/yield';
import type { AuditMode, Facts } from '../types';
import { createPageView } from './page-view';
import { VisibilityProbe } from './visibility';
import { walkDocument } from './walk';
import { resolveHref } from './url';
import { DETECTORS, emptyFacts } from './detectors';

export interface GatherOptions {
  url: string;
  mode: AuditMode;
}

export interface SliceOptions {
  /** Longest stretch of work between yields to the event loop, in milliseconds. */
  sliceMs?: number;
}

/** The whole gather as a generator: it yields between walk batches and between detectors. */
export function* gatherSteps(doc: Document, opts: GatherOptions): Generator<void, Facts, void> {
  const facts = emptyFacts(opts.url);
  let walk;
  try {
    walk = yield* walkDocument(doc, baseUrlOf(doc, opts.url), opts.mode === 'browser');
  } catch (error) {
    facts.gatherErrors.push(`walk: ${(error as Error).message}`);
    return facts;
  }
  facts.gatherErrors.push(...walk.errors);
  yield;
  const view = opts.mode === 'browser' ? (doc.defaultView as (Window & typeof globalThis) | null) : null;
  const page = createPageView(walk, new VisibilityProbe(opts.mode, view), opts.url, titleOf(doc));
  for (const detector of DETECTORS) {
    yield;
    try {
      detector.run(page, facts, walk);
    } catch (error) {
      // A detector that breaks loses its own facts only; the rest of the audit goes on.
      facts.gatherErrors.push(`${detector.id}: ${(error as Error).message}`);
    }
  }
  return facts;
}

export function gatherFacts(doc: Document, opts: GatherOptions): Facts {
  const steps = gatherSteps(doc, opts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export async function gatherFactsAsync(doc: Document, opts: GatherOptions, slice: SliceOptions = {}): Promise<Facts> {
  const yieldIfDue = createYielder(slice.sliceMs);
  const steps = gatherSteps(doc, opts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await yieldIfDue();
  }
}

/** Links resolve against the page's <base href> when it has one, as a browser resolves them. */
function baseUrlOf(doc: Document, pageUrl: string): string {
  try {
    return resolveHref(doc.querySelector('base[href]')?.getAttribute('href'), pageUrl) ?? pageUrl;
  } catch {
    return pageUrl;
  }
}

function titleOf(doc: Document): string {
  try {
    return (doc.title ?? '').trim();
  } catch {
    return '';
  }
}

export { emptyFacts } from './detectors';
