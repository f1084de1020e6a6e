/**
 * Notices the rules read (kinds from NOTICE_KINDS in types.ts): a closing platform's announcement (G1 art. 24),
 * advance compensation, seller credit evaluation and dispute publicity (G1 art. 23), social-responsibility reports
 * (G1 art. 33), advance publication of term changes (G2 art. 6) and clauses emphasised for attention (G2 art. 9).
 * Each quotes its sentence so a person can read it and the closing rule can read the date.
 */
import type { Evidence, NoticeKind } from '../types';
import { matchText, type PageView } from '../gather/page';
import { clauseBefore, quoteSentence, sentenceAround } from './sentences';
import { holdsAnyWord } from '../gather/text';
import { findingsCounter } from './findings-limit';
import { PAUSE_EVERY, PAUSE_EVERY_EVIDENCE, runSteps, type Steps } from '../../utils/yield';

export type NoticeFact = Evidence & { kind: NoticeKind };

/**
 * Each kind's pattern, and lower-case words one of which every match holds: a page text without any of them is not
 * scanned for that kind (holdsAnyWord).
 */
const TEXT_NOTICES: Array<[NoticeKind, RegExp, readonly string[]]> = [
  [
    'closing',
    /(平台|网站|本站|商城|服务|APP|客户端)[^。；\n]{0,30}(将于|拟于|于|自)[^。；\n]{0,30}(停止运营|停止服务|终止运营|终止服务|关闭|关停|下线)|(停止运营|停止服务|终止运营|终止服务|关停)(的)?公告|will\s+(cease|stop|discontinue)\s+(operations?|service)/gi, ['停止', '终止', '关闭', '关停', '下线', 'cease', 'stop', 'discontinue'],
  ],
  ['advance-compensation', /先行赔付|先行赔偿|advance\s+compensation/gi, ['先行赔', 'advance']],
  ['credit-evaluation', /信用评价|信用评级|信誉评价|卖家信用|商家信用|店铺评分|信用等级|seller\s+rating/gi, ['信用', '信誉', '店铺评分', 'rating']],
  ['dispute-publicity', /(纠纷|投诉|争议)(处理)?(结果|情况)?公示|处理结果公示|公示[^。；\n]{0,10}(投诉|纠纷)/g, ['公示']],
  ['social-responsibility-report', /社会责任报告|(CSR|social\s+responsibility)\s+report/gi, ['社会责任报告', 'report']],
  [
    'terms-change-advance',
    /(提前|至少)\s?(七|7)\s?(个)?(日|天|工作日)[^。；\n]{0,30}(公示|公布|公告|通知)|(公示|公布|公告)[^。；\n]{0,30}(七|7)\s?(日|天)(后|之后)?[^。；\n]{0,10}生效|规则意见征集|(规则|协议|条款)[^。；\n]{0,10}(公开)?征求意见|at\s+least\s+(seven|7)\s+days/gi, ['提前', '至少', '生效', '征集', '征求意见', 'least'],
  ],
  [
    'conspicuous-terms',
    /(加粗|粗体|黑体|下划线|加下划线)[^。；\n]{0,10}(标识|提示|显示|标注)|(特别|重点)提示|请您?务必(审慎|仔细|认真)阅读/g, ['加粗', '粗体', '黑体', '下划线', '提示', '务必'],
  ],
];

/** Emphasised text that names something of major interest (G2 art. 9): fees, liability, after-sales, risk. */
const MAJOR_INTEREST = /责任|费用|收费|赔偿|风险|退款|退货|售后|违约|免除|限制|争议|管辖/;
const MIN_EMPHASIS = 8;
const NEGATED = /不会|并非|没有|无|未|\b(no|not|never)\b/i;

export function detectNotices(page: PageView): NoticeFact[] {
  return runSteps(noticeSteps(page));
}

/** detectNotices in steps: a scan of the text for each kind of notice, then the emphasised passages. */
export function* noticeSteps(page: PageView): Steps<NoticeFact[]> {
  const text = page.text;
  const notices: NoticeFact[] = [];
  const taken = new Set<string>();
  const perKind = findingsCounter<NoticeKind>();
  const add = (kind: NoticeKind, start: number, end: number) => {
    const [from, to] = sentenceAround(text, start, end);
    const key = `${kind}:${from}`;
    if (taken.has(key)) return;
    taken.add(key);
    perKind.add(kind);
    // Visibility and selector from the words themselves; the quote is their sentence, or their link's words.
    const evidence = page.evidenceForRange(start, end);
    const link = page.linksIn(start, end)[0];
    const quote = link?.text && link.text.length >= end - start ? link.text : quoteSentence(text, from, to, start, end);
    notices.push({ ...evidence, text: quote.replace(/\s+/g, ' ').trim(), kind });
  };
  const folded = matchText(page);
  const lowered = folded.toLowerCase();
  let matches = 0;
  for (const [kind, pattern, words] of TEXT_NOTICES) {
    yield;
    if (!holdsAnyWord(lowered, words)) continue;
    for (const m of folded.matchAll(pattern)) {
      if (perKind.full(kind)) break;
      // Most matches become evidence: a pause every few of them.
      if (++matches % PAUSE_EVERY_EVIDENCE === 0) yield;
      const [from] = sentenceAround(text, m.index!, m.index! + m[0].length);
      // "本平台不会停止服务" is no closing notice; "没有先行赔付" is no measure.
      if (kind !== 'conspicuous-terms' && NEGATED.test(clauseBefore(text, from, m.index!).slice(-6))) continue;
      add(kind, m.index!, m.index! + m[0].length);
    }
  }
  for (const [index, marked] of page.emphasis.entries()) {
    if (index % PAUSE_EVERY === PAUSE_EVERY - 1) yield;
    if (perKind.full('conspicuous-terms')) break;
    const words = text.slice(marked.start, marked.end);
    if (words.trim().length >= MIN_EMPHASIS && MAJOR_INTEREST.test(words)) {
      const evidence = page.evidenceForElement(marked.element, words);
      perKind.add('conspicuous-terms');
      notices.push({ ...evidence, kind: 'conspicuous-terms' });
    }
  }
  return notices;
}
