/**
 * The detector registry: each entry fills its part of Facts from the PageView; the gatherer may pause between
 * entries. No detector reads another's facts, so the order is free.
 */
import type { Facts } from '../types';
import type { PageView } from '../gather/page';
import { urlParts } from '../gather/url';
import { icpSteps } from './icp';
import { signalSteps } from './signals';
import { detectPsb } from './psb';
import { detectAddresses, detectPostalCodes, emailSteps, phoneSteps } from './contact';
import { termsLinkSteps } from './terms-links';
import { businessLicenceSteps } from './business-licence';
import { governmentBadgeSteps } from './government-badges';
import { licenceSteps } from './licences';
import { detectUscc } from './uscc';
import { sellerIdentitySteps } from './seller-identity';
import { unfairClauseSteps } from './unfair-clauses';
import { noticeSteps } from './notices';
import type { Steps } from '../../utils/yield';

export interface DetectorEntry {
  id: string;
  /** Fills its facts; a detector that reads every link or thousands of matches does it in steps (see pause.ts). */
  run(page: PageView, facts: Facts): void | Steps<void>;
}

export const DETECTORS: readonly DetectorEntry[] = [
  { id: 'icp', *run(page, facts) { facts.icp = yield* icpSteps(page); } },
  { id: 'psb', run: (page, facts) => void (facts.psb = detectPsb(page)) },
  // Contact details in four steps, each a pass over the page text: the async gatherer may pause between them.
  { id: 'contact', *run(page, facts) { facts.phones = yield* phoneSteps(page); } },
  { id: 'contact', *run(page, facts) { facts.emails = yield* emailSteps(page); } },
  { id: 'contact', run: (page, facts) => void (facts.addresses = detectAddresses(page)) },
  { id: 'contact', run: (page, facts) => void (facts.postalCodes = detectPostalCodes(page)) },
  { id: 'terms-links', *run(page, facts) { facts.terms = yield* termsLinkSteps(page); } },
  { id: 'business-licence', *run(page, facts) { facts.businessLicence = yield* businessLicenceSteps(page); } },
  { id: 'government-badges', *run(page, facts) { facts.governmentBadges = yield* governmentBadgeSteps(page); } },
  { id: 'licences', *run(page, facts) { facts.licences = yield* licenceSteps(page); } },
  { id: 'uscc', run: (page, facts) => void (facts.uscc = detectUscc(page)) },
  { id: 'seller-identity', *run(page, facts) { Object.assign(facts, yield* sellerIdentitySteps(page)); } },
  { id: 'unfair-clauses', *run(page, facts) { facts.unfairClauses = yield* unfairClauseSteps(page); } },
  { id: 'notices', *run(page, facts) { facts.notices = yield* noticeSteps(page); } },
  { id: 'signals', *run(page, facts) { facts.signals = yield* signalSteps(page); } },
];

export function emptyFacts(url: string): Facts {
  return {
    icp: [],
    psb: [],
    businessLicence: [],
    uscc: [],
    phones: [],
    emails: [],
    addresses: [],
    postalCodes: [],
    terms: { userAgreement: [], privacyPolicy: [], tradingRules: [], consumerProtection: [], disputeResolution: [] },
    licences: [],
    governmentBadges: [],
    identityVerified: false,
    identityEvidence: [],
    unfairClauses: [],
    notices: [],
    signals: emptySignals(url),
    gatherErrors: [],
  };
}

function emptySignals(url: string): Facts['signals'] {
  return {
    ...urlParts(url),
    textLength: 0,
    linkCount: 0,
  };
}
