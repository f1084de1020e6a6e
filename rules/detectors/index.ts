/**
 * The detector registry: each entry fills its part of Facts from the PageView; the gatherer may pause between
 * entries. No detector reads another's facts, so the order is free.
 */
import type { Facts } from '../types';
import type { PageView } from '../gather/page';
import { urlParts } from '../gather/url';
import { detectIcp } from './icp';
import { detectSignals } from './signals';
import { detectPsb } from './psb';
import { detectAddresses, detectEmails, detectPhones, detectPostalCodes } from './contact';
import { detectTermsLinks } from './terms-links';
import { detectBusinessLicence } from './business-licence';
import { detectGovernmentBadges } from './government-badges';
import { detectLicences } from './licences';
import { detectUscc } from './uscc';
import { detectSellerIdentity } from './seller-identity';
import { detectUnfairClauses } from './unfair-clauses';
import { detectNotices } from './notices';

export interface DetectorEntry {
  id: string;
  run(page: PageView, facts: Facts): void;
}

export const DETECTORS: readonly DetectorEntry[] = [
  { id: 'icp', run: (page, facts) => void (facts.icp = detectIcp(page)) },
  { id: 'psb', run: (page, facts) => void (facts.psb = detectPsb(page)) },
  // Contact details in four steps, each a pass over the page text: the async gatherer may pause between them.
  { id: 'contact', run: (page, facts) => void (facts.phones = detectPhones(page)) },
  { id: 'contact', run: (page, facts) => void (facts.emails = detectEmails(page)) },
  { id: 'contact', run: (page, facts) => void (facts.addresses = detectAddresses(page)) },
  { id: 'contact', run: (page, facts) => void (facts.postalCodes = detectPostalCodes(page)) },
  { id: 'terms-links', run: (page, facts) => void (facts.terms = detectTermsLinks(page)) },
  { id: 'business-licence', run: (page, facts) => void (facts.businessLicence = detectBusinessLicence(page)) },
  { id: 'government-badges', run: (page, facts) => void (facts.governmentBadges = detectGovernmentBadges(page)) },
  { id: 'licences', run: (page, facts) => void (facts.licences = detectLicences(page)) },
  { id: 'uscc', run: (page, facts) => void (facts.uscc = detectUscc(page)) },
  { id: 'seller-identity', run: (page, facts) => void Object.assign(facts, detectSellerIdentity(page)) },
  { id: 'unfair-clauses', run: (page, facts) => void (facts.unfairClauses = detectUnfairClauses(page)) },
  { id: 'notices', run: (page, facts) => void (facts.notices = detectNotices(page)) },
  { id: 'signals', run: (page, facts) => void (facts.signals = detectSignals(page)) },
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
    titleHints: [],
    shopHints: [],
    productHints: [],
    termsHints: [],
    homeHints: [],
    textLength: 0,
    linkCount: 0,
  };
}
