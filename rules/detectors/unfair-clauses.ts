/**
 * Unfair standard-term phrases (G2 art. 6, 10-13; disclosure-facts.md "Unfair standard-term phrases"): each finding
 * quotes the sentence, names the phrase and the article. A sentence that promises the opposite ("本平台不会免除…
 * 责任", "will not exclude liability") is not a finding: a negation in the clause before the phrase cancels it.
 * Phrase lists still produce false positives, which is why the rules ask a person to confirm most findings.
 */
import type { G2Article, UnfairClauseFact } from '../types';
import { matchText, type PageView } from '../gather/page';
import { clauseBefore, quoteSentence, sentenceAround } from './sentences';
import { holdsAnyWord } from '../gather/text';
import { findingsCounter } from './findings-limit';
import { PAUSE_EVERY, PAUSE_EVERY_EVIDENCE, runSteps, type Steps } from '../../utils/yield';

interface UnfairPattern {
  basis: G2Article;
  pattern: RegExp;
  /** Lower-case words one of which every match holds: a page text without any is not scanned (holdsAnyWord). */
  words: readonly string[];
}

const PATTERNS: UnfairPattern[] = [
  { basis: 'G2 art. 13', pattern: /最终解释权|解释权归[^，。；,;]{0,20}所有|(final|sole)\s+(right\s+(of|to)\s+)?interpret(ation)?|right\s+of\s+final\s+interpretation/gi, words: ['解释权', 'interpret'] },
  {
    basis: 'G2 art. 12',
    pattern:
      /(?<!不)保留[^，。；,;]{0,10}?最终(修改|决定)(决定)?权|放弃[^，。；,;]{0,12}(诉讼|起诉|追诉)(的)?权|只能(由|向)[^，。；,;]{0,20}仲裁|不得(向[^，。；,;]{0,12})?(起诉|提起诉讼)|不得(要求)?(解除|撤销|变更)(本)?(合同|协议)|waive[sd]?\s+(your|the|any|all)\s+rights?\s+to\s+(sue|bring|a\s+jury|class|go\s+to\s+court)|(exclusively|only)\s+(by|through)\s+(binding\s+)?arbitration/gi,
    words: ['最终', '放弃', '仲裁', '不得', 'waive', 'arbitration'],
  },
  {
    basis: 'G2 art. 11',
    pattern:
      /(过期|逾期)(作废|清零)|违约金[^，。；,;]{0,20}((?<!\d)\d+|(?<![两三四五六七八九十百])[两三四五六七八九十百]+)倍|((?<!\d)\d+|(?<![两三四五六七八九十百])[两三四五六七八九十百]+)倍[^，。；,;]{0,6}违约金|(由|应由)(用户|买家|消费者|您)承担(全部|一切)(责任|损失)|(用户|买家|消费者|您)(应)?自行承担(全部|一切)(责任|损失|风险)/gi,
    words: ['过期', '逾期', '违约金', '承担'],
  },
  {
    basis: 'G2 art. 10',
    pattern:
      /不承担任何(法律|赔偿)?责任|不负任何(法律|赔偿)?责任|概不负责|概不承担|概不退换|售出(概)?不(退换|退|换)|不退不换|(恕|一律|概)不(予)?(退换|退货|退款)|不予退换|不实行三包|免除[^，。；,;]{0,20}责任(?!的?(条款|内容|规定|约定))|(not|never)\s+(be\s+)?(liable|responsible)\s+for\s+any|disclaim(s|ed)?\s+(all|any)\s+(liability|responsibility)|exclude[sd]?\s+(all\s+|any\s+|its\s+|our\s+)?liability|without\s+any\s+liability/gi,
    words: ['不承担', '不负', '概不', '售出', '不退', '不予退', '三包', '免除', 'liable', 'responsible', 'disclaim', 'liability'],
  },
  {
    basis: 'G2 art. 6',
    pattern:
      /有权(随时|单方面?)(修改|变更|调整)|(恕|无需|无须|不再|不)(另行|单独|个别|另外){1,2}(书面)?通知|一经(公布|发布|公示)即(时)?生效|(may|can|reserve\s+the\s+right\s+to)\s+(change|modify|amend|update)[^.]{0,60}(at\s+any\s+time|without\s+(prior\s+)?notice)|effective\s+immediately\s+upon\s+posting/gi,
    words: ['有权', '通知', '一经', 'time', 'notice', 'posting'],
  },
];

/** Words that turn a clause into its opposite: a promise not to exclude, not to change without notice. */
const NEGATION = /不会|不得|不能|绝不|决不|并不|不可|无权|禁止|不应|并非|不因此|不以任何方式|不享有|不拥有|不保留|没有|\b(will\s+not|won't|shall\s+not|does\s+not|do\s+not|never|cannot|can't|may\s+not|nothing\s+in)\b/i;

export interface UnfairMatch {
  start: number;
  end: number;
  sentenceStart: number;
  sentenceEnd: number;
  phrase: string;
  basis: G2Article;
}

export function findUnfairClauses(text: string): UnfairMatch[] {
  return runSteps(unfairMatchSteps(text));
}

/** findUnfairClauses in steps: a scan of the text per article's pattern, pausing between them and every few matches. */
function* unfairMatchSteps(text: string): Steps<UnfairMatch[]> {
  const found: UnfairMatch[] = [];
  const quoted = new Set<string>();
  const perBasis = findingsCounter<string>();
  const lowered = text.toLowerCase();
  let matches = 0;
  for (const { basis, pattern, words } of PATTERNS) {
    if (!holdsAnyWord(lowered, words)) continue;
    yield;
    for (const m of text.matchAll(pattern)) {
      if (perBasis.full(basis)) break;
      if (++matches % PAUSE_EVERY === 0) yield;
      const start = m.index!;
      const [sentenceStart, sentenceEnd] = sentenceAround(text, start, start + m[0].length);
      if (NEGATION.test(clauseBefore(text, sentenceStart, start))) continue;
      // One finding per sentence and article: the first phrase is enough to quote.
      const key = `${basis}:${sentenceStart}`;
      if (quoted.has(key)) continue;
      quoted.add(key);
      perBasis.add(basis);
      found.push({ start, end: start + m[0].length, sentenceStart, sentenceEnd, phrase: m[0], basis });
    }
  }
  return found.sort((a, b) => a.sentenceStart - b.sentenceStart);
}

export function detectUnfairClauses(page: PageView): UnfairClauseFact[] {
  return runSteps(unfairClauseSteps(page));
}

/** detectUnfairClauses in steps: up to FINDINGS_LIMIT clauses per article, each quoted with its evidence. */
export function* unfairClauseSteps(page: PageView): Steps<UnfairClauseFact[]> {
  const found = yield* unfairMatchSteps(matchText(page));
  const facts: UnfairClauseFact[] = [];
  for (const [index, match] of found.entries()) {
    if (index % PAUSE_EVERY_EVIDENCE === PAUSE_EVERY_EVIDENCE - 1) yield;
    // Visibility and selector from the phrase itself; the quote is its sentence.
    const evidence = page.evidenceForRange(match.start, match.end);
    const sentence = quoteSentence(page.text, match.sentenceStart, match.sentenceEnd, match.start, match.end);
    facts.push({ ...evidence, text: sentence, phrase: match.phrase, basis: match.basis });
  }
  return facts;
}
