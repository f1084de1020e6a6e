/**
 * Business-licence disclosure (G1 art. 9, 14; G2 art. 8(1); E-Commerce Law art. 15): links and badges labelled
 * 营业执照 and its variants, and icon-only badges that point to a market-regulation host (the official
 * licence-display system zzlz.gsxt.gov.cn or a provincial AIC/AMR host). The target tells an inspector whether the
 * link can be verified (official) or only shows the site's own page or picture.
 */
import type { BusinessLicenceFact } from '../types';
import { linkTarget, type ImageInfo, type LinkInfo, type PageView } from '../gather/page';
import { hostnameOf, isGovernmentHref, sameSite } from '../gather/url';
import { isMarketRegulationHref } from './gov-hosts';
import { FINDINGS_LIMIT } from './findings-limit';
import { linksMatching } from './link-words';
import { PAUSE_EVERY, PAUSE_EVERY_EVIDENCE, runSteps, type Steps } from '../../utils/yield';

const LICENCE_LABEL =
  /营业执照|经营证照|企业资质|资质证照|资质证书|证照信息|证照公示|证照中心|执照信息|工商信息|(?<![高闪明])亮照(?![明片])|business\s*licen[cs]e/i;
/** Words a government licence badge shows (alt text, title, link text). */
const BADGE_WORDS = /工商|红盾|网监|电子标识|亮照|执照|经营性网站|备案|企业信息|经营主体|business/i;
/** Either: the words a link needs to present a licence by its words. */
const LICENCE_OR_BADGE = new RegExp(`${LICENCE_LABEL.source}|${BADGE_WORDS.source}`, 'i');
/** Links to market-regulation hosts that are complaint or reporting channels, not the licence. */
const NOT_LICENCE = /12315|投诉|举报|维权|消费警示/;
/** Class or id words of icon-only licence links (yyzz = 营业执照 in pinyin initials). */
const ICON_HINT = /yyzz|licen[cs]e|zhizhao|yingye|zzlz|gongshang/i;
const IMAGE_PATH = /\.(png|jpe?g|gif|webp|bmp)$/i;

export function licenceTarget(href: string | null, pageUrl: string): BusinessLicenceFact['target'] {
  if (!href) return 'none';
  if (isGovernmentHref(href)) return 'official';
  try {
    if (IMAGE_PATH.test(new URL(href).pathname)) return 'image';
  } catch {
    return 'other';
  }
  return sameSite(hostnameOf(href), hostnameOf(pageUrl)) || bothLocal(href, pageUrl) ? 'site-page' : 'other';
}

/** A saved page audited from disk: its relative links resolve to files beside it, which are the site's pages. */
function bothLocal(href: string, pageUrl: string): boolean {
  return href.startsWith('file:') && pageUrl.startsWith('file:');
}

/**
 * Whether a link's words leave it a candidate, before its URL is resolved: words that are neither a licence label
 * nor a badge's rule the link out whatever it points to (almost every link of a shop page).
 */
function wordsMayPresentLicence(words: string): boolean {
  if (words === '') return true;
  if (NOT_LICENCE.test(words)) return false;
  return LICENCE_LABEL.test(words) || BADGE_WORDS.test(words);
}

/** Whether a link presents a business licence, by its words or, when it has none, by where it points. */
export function isLicenceLink(link: Pick<LinkInfo, 'text' | 'title' | 'imageText' | 'href'>, hint = ''): boolean {
  const words = `${link.text} ${link.title} ${link.imageText}`.trim();
  if (NOT_LICENCE.test(words)) return false;
  if (LICENCE_LABEL.test(words)) return true;
  if (words !== '' && !BADGE_WORDS.test(words)) return false;
  if (isMarketRegulationHref(link.href)) return true;
  return words === '' && ICON_HINT.test(hint) && link.href !== null;
}

/**
 * Whether a link written `raw` against `base` may resolve to a gov.cn URL, tested on the text as written: the URL
 * parser lower-cases, decodes `%`-escapes and maps non-ASCII dots in hosts and drops tabs and line breaks, so any
 * of those keeps the link a candidate. Only a gov.cn URL can be a market regulator's (isMarketRegulationHref).
 */
const MAY_BE_GOV = /gov|%|[\t\n\r]|[^\x00-\x7f]/i;

function mayPointToGovernment(link: LinkInfo): boolean {
  return link.base === undefined || MAY_BE_GOV.test(link.rawHref ?? '') || MAY_BE_GOV.test(link.base);
}

export function detectBusinessLicence(page: PageView): BusinessLicenceFact[] {
  return runSteps(businessLicenceSteps(page));
}

/** detectBusinessLicence in steps: it reads every link and image of the page. */
export function* businessLicenceSteps(page: PageView): Steps<BusinessLicenceFact[]> {
  const facts: BusinessLicenceFact[] = [];
  // The words first, in one scan of every link's: resolving every link's URL was the largest cost of a shop
  // page's audit, and testing each link's words the next.
  const worded = linksMatching(page, 'words', LICENCE_OR_BADGE);
  for (const [index, link] of page.links.entries()) {
    if (index % PAUSE_EVERY === PAUSE_EVERY - 1) yield;
    // Every fact past the limit is cut (collect.ts keeps the first FINDINGS_LIMIT): none is looked for.
    if (facts.length >= FINDINGS_LIMIT) return facts;
    // A link whose text says neither is still one when it has no words at all (an icon).
    if (!worded.has(index) && link.text !== '') continue;
    const words = `${link.text} ${link.title} ${link.imageText}`.trim();
    if (!wordsMayPresentLicence(words)) continue;
    // Class and id matter only for links without words; reading them for every link would cost.
    const bare = !link.text && !link.title && !link.imageText;
    const hint = bare ? `${link.element.getAttribute('class') ?? ''} ${link.element.getAttribute('id') ?? ''}` : '';
    // Without a licence label or an icon's hint, only a regulator's URL makes it one: most links' written href
    // rules that out before it is resolved.
    const byTargetOnly = !LICENCE_LABEL.test(words) && !(bare && ICON_HINT.test(hint));
    if (byTargetOnly && !mayPointToGovernment(link)) continue;
    const target = { ...link, href: linkTarget(link) };
    if (!isLicenceLink(target, hint)) continue;
    facts.push(fact(page, link.element, labelOf(target), target.href, page.url));
    // A page whose links are all licences makes evidence for each: a pause every few, not every PAUSE_EVERY links.
    if (facts.length % PAUSE_EVERY_EVIDENCE === 0) yield;
  }
  // A licence picture shown without a link still discloses it; it has no link target.
  for (const [index, image] of page.images.entries()) {
    if (index % PAUSE_EVERY === PAUSE_EVERY - 1) yield;
    if (facts.length >= FINDINGS_LIMIT) break;
    if (image.link || !LICENCE_LABEL.test(`${image.alt} ${image.title}`)) continue;
    facts.push({ ...fact(page, image.element, imageLabel(image), null, page.url), target: 'image' });
    if (facts.length % PAUSE_EVERY_EVIDENCE === 0) yield;
  }
  return facts;
}

function fact(page: PageView, element: Element, label: string, href: string | null, pageUrl: string): BusinessLicenceFact {
  const target = licenceTarget(href, pageUrl);
  return { ...page.evidenceForElement(element, label), href, official: target === 'official', target };
}

function labelOf(link: LinkInfo): string {
  return link.text || link.title || link.imageText || link.href || '';
}

function imageLabel(image: ImageInfo): string {
  return image.alt || image.title;
}
