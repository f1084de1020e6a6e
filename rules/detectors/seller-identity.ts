/**
 * Verified-identity marks of natural-person sellers (G1 art. 14 para. 2): 实名认证, 已实名认证, 个人认证, 身份认证,
 * 店铺认证… as text or as a badge's alt/title. An invitation (去认证, 如何实名认证, 立即认证) or a denial (未认证) is
 * not a mark, and a link labelled 实名认证 is usually the visitor's own account menu, so links count only by their
 * badge image.
 */
import type { Evidence } from '../types';
import { matchText, type PageView } from '../gather/page';
import { matchesNear } from '../gather/text';
import { FINDINGS_LIMIT } from './findings-limit';
import { PAUSE_EVERY, PAUSE_EVERY_EVIDENCE, runSteps, type Steps } from '../../utils/yield';

const MARK = /(已|通过)?(实名认证|实人认证|个人认证|身份认证|店铺认证|企业认证|卖家认证|认证卖家|认证店铺|已认证)|verified\s+(seller|identity|store|shop)|identity\s+verified/gi;
/** A word every mark holds, at most MARK_REACH characters after its start (通过实名认证). */
const MARK_ANCHOR = /认证|verified|identity/i;
const MARK_REACH = 4;
const NOT_A_MARK_BEFORE = /(未|没有|尚未|暂未|未通过|去|立即|马上|申请|如何|怎么|怎样|进行|完成|请|需|需要|not\s+)\s*$/i;
const NOT_A_MARK_AFTER = /^\s*(流程|方法|步骤|入口|教程|中心|失败|申请|\?|？)/;

export interface IdentityFacts {
  identityVerified: boolean;
  identityEvidence: Evidence[];
}

export function isIdentityMark(text: string, before = '', after = ''): boolean {
  MARK.lastIndex = 0;
  if (!MARK.test(text)) return false;
  return !NOT_A_MARK_BEFORE.test(before) && !NOT_A_MARK_AFTER.test(after);
}

export function detectSellerIdentity(page: PageView): IdentityFacts {
  return runSteps(sellerIdentitySteps(page));
}

/**
 * detectSellerIdentity in steps. Evidence is kept for the first FINDINGS_LIMIT marks (collect.ts keeps no more), and
 * marks are looked for until one of those is visible: a page that repeats 实名认证 thousands of times is judged on
 * its first ones.
 */
export function* sellerIdentitySteps(page: PageView): Steps<IdentityFacts> {
  const text = page.text;
  const evidence: Evidence[] = [];
  let visible = false;
  const enough = () => visible && evidence.length >= FINDINGS_LIMIT;
  let candidates = 0;
  for (const m of matchesNear(matchText(page), MARK, MARK_ANCHOR, MARK_REACH)) {
    if (enough()) break;
    if (++candidates % PAUSE_EVERY_EVIDENCE === 0) yield;
    const start = m.index!;
    const end = start + m[0].length;
    if (page.linksIn(start, end).some((link) => link.href)) continue;
    if (!isIdentityMark(m[0], text.slice(Math.max(0, start - 6), start), text.slice(end, end + 4))) continue;
    const found = page.evidenceForRange(start, end);
    if (evidence.length < FINDINGS_LIMIT) evidence.push({ ...found, text: text.slice(start, end), context: found.text });
    visible ||= found.visible !== false;
  }
  let marked = 0;
  for (const [index, image] of page.images.entries()) {
    if (enough()) break;
    if (index % PAUSE_EVERY === PAUSE_EVERY - 1) yield;
    const words = `${image.alt} ${image.title}`.trim();
    if (!words || !isIdentityMark(words)) continue;
    const found = page.evidenceForElement(image.element, words);
    if (evidence.length < FINDINGS_LIMIT) evidence.push(found);
    visible ||= found.visible !== false;
    // A page whose images are all marks makes evidence for each: a pause every few, not every PAUSE_EVERY images.
    if (++marked % PAUSE_EVERY_EVIDENCE === 0) yield;
  }
  return { identityVerified: visible, identityEvidence: evidence };
}
