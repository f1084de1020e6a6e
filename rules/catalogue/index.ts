import type { Rule } from '../rule';
import advanceCompensation from './advance-compensation';
import businessLicence from './business-licence';
import closingNotice from './closing-notice';
import contactDetails from './contact-details';
import disclosuresVisible from './disclosures-visible';
import disputeMechanism from './dispute-mechanism';
import governmentBadges from './government-badges';
import icpNumber from './icp-number';
import noAddedLiability from './no-added-liability';
import noFinalInterpretationClaim from './no-final-interpretation-claim';
import noLiabilityExclusion from './no-liability-exclusion';
import noRightsExclusion from './no-rights-exclusion';
import pageType from './page-type';
import privacyPolicy from './privacy-policy';
import privacyCrossBorder from './privacy-cross-border';
import privacyHandlerContact from './privacy-handler-contact';
import privacyMinors from './privacy-minors';
import privacyPurposes from './privacy-purposes';
import privacyRetention from './privacy-retention';
import privacyRights from './privacy-rights';
import privacySharing from './privacy-sharing';
import psbFiling from './psb-filing';
import shopSellerIdentity from './shop-seller-identity';
import socialResponsibilityReport from './social-responsibility-report';
import termsChangeNotice from './terms-change-notice';
import termsConspicuous from './terms-conspicuous';
import termsLinks from './terms-links';
import usccCheck from './uscc-check';

/** Every rule, in checklist order. A meta-test fails when a file in this folder is not listed here. */
export const rules: readonly Rule[] = [
  pageType,
  businessLicence,
  usccCheck,
  icpNumber,
  psbFiling,
  contactDetails,
  termsLinks,
  privacyPolicy,
  disputeMechanism,
  disclosuresVisible,
  governmentBadges,
  shopSellerIdentity,
  termsChangeNotice,
  termsConspicuous,
  noLiabilityExclusion,
  noAddedLiability,
  noRightsExclusion,
  noFinalInterpretationClaim,
  privacyHandlerContact,
  privacyPurposes,
  privacyRetention,
  privacyRights,
  privacySharing,
  privacyMinors,
  privacyCrossBorder,
  closingNotice,
  advanceCompensation,
  socialResponsibilityReport,
];
