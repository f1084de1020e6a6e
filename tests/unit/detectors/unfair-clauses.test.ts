import { describe, expect, it } from 'vitest';
import { findUnfairClauses } from '@/rules/detectors/unfair-clauses';
import { quoteSentence } from '@/rules/detectors/sentences';
import { factsOf } from '../gather/support/dom';

const found = (text: string) => findUnfairClauses(text).map((m) => [m.basis, m.phrase]);

describe('findUnfairClauses', () => {
  it.each([
    ['本活动最终解释权归本公司所有。', 'G2 art. 13', '最终解释权'],
    ['特价商品一经售出概不退换。', 'G2 art. 10', '售出概不退换'],
    ['如因系统故障造成损失，本平台不承担任何责任。', 'G2 art. 10', '不承担任何责任'],
    ['赠品不实行三包。', 'G2 art. 10', '不实行三包'],
    ['卡内金额过期作废。', 'G2 art. 11', '过期作废'],
    ['用户违约的，应支付订单金额十倍违约金。', 'G2 art. 11', '十倍违约金'],
    ['用户同意放弃向法院提起诉讼的权利。', 'G2 art. 12', '放弃向法院提起诉讼的权'],
    ['双方争议只能由本公司所在地仲裁委员会仲裁。', 'G2 art. 12', '只能由本公司所在地仲裁委员会仲裁'],
    ['本平台有权随时修改本协议，恕不另行通知。', 'G2 art. 6', '有权随时修改'],
    ['修改后的协议一经公布即生效。', 'G2 art. 6', '一经公布即生效'],
    ['We reserve the final interpretation of this offer.', 'G2 art. 13', 'final interpretation'],
    ['The platform shall not be liable for any loss. ', 'G2 art. 10', 'not be liable for any'],
    ['You waive your right to sue the company.', 'G2 art. 12', 'waive your right to sue'],
  ])('%s', (sentence, basis, phrase) => {
    expect(found(sentence)).toContainEqual([basis, phrase]);
  });

  it.each([
    '本平台不会免除自身依法应承担的责任。',
    '平台不得以格式条款免除其责任。',
    '本平台不会以任何方式免除或减轻对消费者的责任。',
    'We will not exclude liability for death or personal injury.',
    'Nothing in these terms shall exclude liability for fraud.',
    '修改协议前，我们将提前七日公示，不会未经通知即生效。',
  ])('a promise is no finding: %s', (sentence) => {
    expect(found(sentence)).toEqual([]);
  });

  it('quotes the whole sentence once per article', () => {
    const [match] = findUnfairClauses('第一条 总则。本平台不承担任何责任，概不负责。下一句。');
    const text = '第一条 总则。本平台不承担任何责任，概不负责。下一句。';
    expect(text.slice(match.sentenceStart, match.sentenceEnd)).toBe('本平台不承担任何责任，概不负责。');
    expect(findUnfairClauses(text)).toHaveLength(1);
  });
});

describe('quotes', () => {
  it('bound a run-on sentence to a window around the phrase', () => {
    const text = '甲'.repeat(400) + '最终解释权归本公司所有' + '乙'.repeat(400) + '。';
    const [match] = findUnfairClauses(text);
    const quote = quoteSentence(text, match.sentenceStart, match.sentenceEnd, match.start, match.end);
    expect(quote.length).toBeLessThanOrEqual(242);
    expect(quote).toContain('最终解释权');
  });
});

describe('unfair clauses in pages', () => {
  it('gives the sentence, the phrase and the article', () => {
    const facts = factsOf('<div class="terms"><p>第十条 本活动<b>最终解释权</b>归本公司所有。</p></div>');
    expect(facts.unfairClauses).toMatchObject([
      { text: '第十条 本活动最终解释权归本公司所有。', phrase: '最终解释权', basis: 'G2 art. 13' },
    ]);
  });
});
