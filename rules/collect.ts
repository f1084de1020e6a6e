/**
 * Facts from a document: the gatherer's walk, then every detector over the PageView. `gatherFacts` runs it to
 * completion; `gatherFactsAsync` runs the very same steps in time slices so no main-thread task runs long on a
 * large page.
 */
import { runSteps, runStepsSliced, type Steps } from '../utils/yield';
import type { Facts } from './types';
import { gatherPage, type GatheredPage, type GatherOptions } from './gather';
import { DETECTORS, emptyFacts } from './detectors';
import { firstPerKey } from './detectors/findings-limit';

export type { GatherOptions } from './gather';

export interface SliceOptions {
  /** Longest stretch of work between yields to the event loop, in milliseconds. */
  sliceMs?: number;
}

/** The whole collection as a generator: it yields between walk batches, between detectors and within the long ones. */
export function* gatherSteps(doc: Document, opts: GatherOptions): Steps<Facts> {
  const facts = emptyFacts(opts.url);
  let gathered: GatheredPage;
  try {
    gathered = yield* gatherPage(doc, opts);
  } catch (error) {
    facts.gatherErrors.push(`walk: ${(error as Error).message}`);
    return facts;
  }
  facts.gatherErrors.push(...gathered.errors);
  for (const detector of DETECTORS) {
    yield;
    try {
      const steps = detector.run(gathered.page, facts);
      if (steps) yield* steps;
    } catch (error) {
      // A detector that breaks loses its own facts only; the rest of the audit goes on.
      facts.gatherErrors.push(`${detector.id}: ${(error as Error).message}`);
    }
  }
  return withFindingsLimited(facts);
}

/** Every list of findings cut to FINDINGS_LIMIT: per licence name, per article, per notice kind, else in all. */
function withFindingsLimited(facts: Facts): Facts {
  const all = () => 'all';
  const terms = Object.fromEntries(Object.entries(facts.terms).map(([kind, links]) => [kind, firstPerKey(links, all)])) as Facts['terms'];
  return {
    ...facts,
    icp: firstPerKey(facts.icp, all),
    psb: firstPerKey(facts.psb, all),
    businessLicence: firstPerKey(facts.businessLicence, all),
    uscc: firstPerKey(facts.uscc, all),
    phones: firstPerKey(facts.phones, all),
    emails: firstPerKey(facts.emails, all),
    addresses: firstPerKey(facts.addresses, all),
    postalCodes: firstPerKey(facts.postalCodes, all),
    terms,
    licences: firstPerKey(facts.licences, (licence) => licence.name),
    governmentBadges: firstPerKey(facts.governmentBadges, all),
    identityEvidence: firstPerKey(facts.identityEvidence, all),
    unfairClauses: firstPerKey(facts.unfairClauses, (clause) => clause.basis),
    notices: firstPerKey(facts.notices, (notice) => notice.kind),
  };
}

export function gatherFacts(doc: Document, opts: GatherOptions): Facts {
  return runSteps(gatherSteps(doc, opts));
}

export function gatherFactsAsync(doc: Document, opts: GatherOptions, slice: SliceOptions = {}): Promise<Facts> {
  return runStepsSliced(gatherSteps(doc, opts), slice.sliceMs);
}
