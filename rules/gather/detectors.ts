/**
 * The detector registry: each entry fills its part of Facts from the PageView; the gatherer may pause between
 * entries. No detector reads another's facts, so the order is free.
 */
import type { Facts } from '../types';
import type { PageView } from '../detectors/page';
import type { WalkResult } from './walk';
import { detectIcp } from '../detectors/icp';
import { detectSignals } from '../detectors/signals';
import { detectPsb } from '../detectors/psb';
import { detectAddresses, detectEmails, detectPhones, detectPostalCodes } from '../detectors/contact';
import { detectTermsLinks } from '../detectors/terms-links';
import { detectBusinessLicence } from '../detectors/business-licence';
import { detectGovernmentBadges } from '../detectors/government-badges';
import { detectLicences } from '../detectors/licences';
import { detectUscc } from '../detectors/uscc';
import { detectSellerIdentity } from '../detectors/seller-identity';
import { detectUnfairClauses } from '../detectors/unfair-clauses';
import { detectNotices } from '../detectors/notices';

export interface DetectorEntry {
  id: string;
  run(page: PageView, facts: Facts, walk: WalkResult): void;
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
  let path = '';
  let hostname = '';
  try {
    const parsed = new URL(url);
    path = parsed.pathname;
    hostname = parsed.hostname;
  } catch {
    // An unparsable URL leaves the URL signals empty; the classifier still has the text ones.
  }
  return {
    path,
    hostname,
    titleHints: [],
    shopHints: [],
    productHints: [],
    termsHints: [],
    homeHints: [],
    textLength: 0,
    linkCount: 0,
  };
}
