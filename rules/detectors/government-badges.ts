/**
 * Government-style badges (G1 art. 21: no forged or unauthorised electronic identifiers of government bodies).
 * A badge presents itself as 工商, 红盾, 网监, 公安, 电子标识 or 亮照 by its words, alt text or image name, or is
 * an icon-only link to a market-regulation or public-security host. It is official only when its link's parsed
 * hostname is a government host (gov.cn, or the few government-run hosts listed in gov-hosts.ts): a lookalike such
 * as gsxt.gov.cn.example.com is not.
 */
import type { GovernmentBadgeFact } from '../types';
import type { ImageInfo, LinkInfo, PageView } from '../gather/page';
import { isMarketRegulationHref, isOfficialBadgeHref, isPublicSecurityHref } from './gov-hosts';
import { FINDINGS_LIMIT } from './findings-limit';
import { linksMatching } from './link-words';
import { PAUSE_EVERY, PAUSE_EVERY_EVIDENCE, runSteps, type Steps } from '../../utils/yield';

/** 亮照亮证 ("licences on display") names the site's own licence page, not the regulator's identifier. */
const CLAIMS: Array<[string, RegExp]> = [
  ['亮照', /(?<![高闪明]|亮证)亮照(?![明片]|亮证)|zzlz|liangzhao/i],
  ['红盾', /红盾|hongdun|redshield/i],
  ['电子标识', /电子标识|电子营业执照标识|ebiz/i],
  ['网监', /网监|wangjian/i],
  ['工商', /工商(?!银行)|gongshang/i],
  ['公安', /公安|网警|网络警察|gongan|wangjing|cyberpolice/i],
];
const ELECTRONIC_LICENCE_ICON = /电子营业执照/;
/** Filing numbers are disclosures, not badges, though their words contain 公安. */
const FILING_TEXT = /公网安备|ICP|备案编号/;
const MAX_LABEL = 20;

/** Any claim at all, in one test: most links claim nothing. */
const ANY_CLAIM = new RegExp(CLAIMS.map(([, pattern]) => pattern.source).join('|'), 'i');
/** What a link's own words need for it to be a badge by them. */
const CLAIM_OR_ICON = new RegExp(`${ANY_CLAIM.source}|${ELECTRONIC_LICENCE_ICON.source}`, 'i');

export function badgeClaim(words: string): string | null {
  if (!ANY_CLAIM.test(words)) return null;
  for (const [claim, pattern] of CLAIMS) if (pattern.test(words)) return claim;
  return null;
}

export function detectGovernmentBadges(page: PageView): GovernmentBadgeFact[] {
  return runSteps(governmentBadgeSteps(page));
}

/** detectGovernmentBadges in steps: it reads every link and image of the page. */
export function* governmentBadgeSteps(page: PageView): Steps<GovernmentBadgeFact[]> {
  const badges: GovernmentBadgeFact[] = [];
  const seen = new Set<Element>();
  const imagesOf = new Map<LinkInfo, ImageInfo[]>();
  for (const image of page.images) {
    if (!image.link) continue;
    const list = imagesOf.get(image.link);
    if (list) list.push(image);
    else imagesOf.set(image.link, [image]);
  }
  // Most links have words that claim nothing, and no image: one scan of every link's words rules them out.
  const claiming = linksMatching(page, 'words', CLAIM_OR_ICON);
  for (const [index, link] of page.links.entries()) {
    if (index % PAUSE_EVERY === PAUSE_EVERY - 1) yield;
    // Every badge past the limit is cut (collect.ts keeps the first FINDINGS_LIMIT): none is looked for.
    if (badges.length >= FINDINGS_LIMIT) return badges;
    if (!claiming.has(index) && link.text !== '' && !imagesOf.has(link)) continue;
    if (link.text.length > MAX_LABEL || FILING_TEXT.test(link.text)) continue;
    const imageNames = (imagesOf.get(link) ?? []).map((image) => fileName(image.rawSrc)).join(' ');
    // (The raw href is tested first so the thousands of product links are never parsed.)
    const governmentLike = !link.text && /gov\.cn|cyberpolice/i.test(link.rawHref ?? '');
    // A government link's host names what it is (zzlz = 亮照); other sites' URLs say nothing trustworthy.
    const hostWords = governmentLike ? (link.href ?? '') : '';
    let claim = badgeClaim(`${link.text} ${link.title} ${link.imageText} ${imageNames} ${hostWords}`);
    // The regulator's electronic-licence icon is an electronic identifier; a text link to a licence page is not.
    if (!claim && ELECTRONIC_LICENCE_ICON.test(link.imageText)) claim = '电子标识';
    // An icon-only link to a regulator presents itself as that regulator's badge.
    if (!claim && governmentLike && isMarketRegulationHref(link.href)) claim = '工商';
    if (!claim && governmentLike && isPublicSecurityHref(link.href) && imageNames) claim = '公安';
    if (!claim) continue;
    seen.add(link.element);
    const label = link.text || link.imageText || link.title || link.href || '';
    badges.push({
      ...page.evidenceForElement(link.element, label),
      href: link.href,
      claims: claim,
      official: isOfficialBadgeHref(link.href),
    });
    // A page whose links are all badges makes evidence for each: a pause every few, not every PAUSE_EVERY links.
    if (badges.length % PAUSE_EVERY_EVIDENCE === 0) yield;
  }
  // An unlinked badge image cannot be verified by anyone: it is never official.
  for (const [index, image] of page.images.entries()) {
    if (index % PAUSE_EVERY === PAUSE_EVERY - 1) yield;
    if (badges.length >= FINDINGS_LIMIT) break;
    if (image.link) continue;
    const words = `${image.alt} ${image.title}`;
    const claim =
      badgeClaim(`${words} ${fileName(image.rawSrc)}`) ?? (ELECTRONIC_LICENCE_ICON.test(words) ? '电子标识' : null);
    if (!claim || seen.has(image.element)) continue;
    badges.push({
      ...page.evidenceForElement(image.element, image.alt || image.title || fileName(image.rawSrc)),
      href: null,
      claims: claim,
      official: false,
    });
    if (badges.length % PAUSE_EVERY_EVIDENCE === 0) yield;
  }
  return badges;
}

/** The file name of an image URL, cheaply: badge images are often named after what they claim (gongshang.png). */
function fileName(src: string | null): string {
  if (!src) return '';
  const path = src.split(/[?#]/)[0];
  return path.slice(path.lastIndexOf('/') + 1);
}
