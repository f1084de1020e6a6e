/** Government hosts by role, judged on the parsed hostname (so `gsxt.gov.cn.example.com` is nobody's). */
import { hostIsUnder, hostnameOf, isGovernmentHref } from '../gather/url';

/**
 * Market-regulation (former 工商 AIC, now AMR) hosts: zzlz.gsxt.gov.cn (licence display), provincial AIC/AMR hosts
 * such as idinfo.zjaic.gov.cn, idinfo.zjamr.zj.gov.cn, air.gzaic.gov.cn, www.sgs.gov.cn (Shanghai), www.hd315.gov.cn
 * (Beijing red-shield record), and licence-display paths (/lz/, licenseLink) on any government host.
 */
export function isMarketRegulationHref(href: string | null | undefined): boolean {
  if (!href || !href.includes('gov.cn') || !isGovernmentHref(href)) return false;
  const host = hostnameOf(href)!;
  const labels = host.split('.');
  if (labels.some((label) => /(aic|amr)$|^(gsxt|hd315|sgs|gsj|scjgj?|samr|saic|zzlz|gs|12315)$/.test(label))) return true;
  try {
    return /licen[cs]e|yyzz|zzlz|\/lz\//i.test(new URL(href!).pathname);
  } catch {
    return false;
  }
}

/** Public-security hosts: the filing system and the cyber-police badge hosts. */
export function isPublicSecurityHref(href: string | null | undefined): boolean {
  if (!href || !/beian|mps|110|cyberpolice/i.test(href)) return false;
  const host = hostnameOf(href);
  return ['beian.gov.cn', 'beian.mps.gov.cn', 'mps.gov.cn', '110.gov.cn', 'cyberpolice.cn'].some((domain) =>
    hostIsUnder(host, domain),
  );
}

/**
 * Government-run hosts outside gov.cn that badges legitimately point to: the Ministry of Public Security's cyber
 * police (cyberpolice.cn, e.g. www.bj.cyberpolice.cn), the Cyberspace Administration's reporting centre (12377.cn)
 * and the market regulator's national complaint platform (12315.cn).
 */
const GOVERNMENT_HOSTS_OUTSIDE_GOV_CN = ['cyberpolice.cn', '12377.cn', '12315.cn'];

/** A badge's link is official when it points to a government host, by parsed hostname. */
export function isOfficialBadgeHref(href: string | null | undefined): boolean {
  if (isGovernmentHref(href)) return true;
  const host = hostnameOf(href);
  return GOVERNMENT_HOSTS_OUTSIDE_GOV_CN.some((domain) => hostIsUnder(host, domain));
}
