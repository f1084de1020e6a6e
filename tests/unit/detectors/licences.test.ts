import { describe, expect, it } from 'vitest';
import { findLicences, numberAfter } from '@/rules/detectors/licences';
import { factsOf } from '../gather/support/dom';

describe('findLicences', () => {
  it('reads names with their numbers', () => {
    const found = findLicences(
      '网络文化经营许可证：浙网文[2013]0268-027号|互联网药品信息服务资格证编号(京)-经营性-2014-0008|' +
        '食品经营许可证 JY13301080111719|出版物经营许可证|互联网药品信息服务资格证 (京) -非经营性-2014-0090',
    );
    expect(found.map((f) => [f.name, f.number])).toEqual([
      ['网络文化经营许可证', '浙网文[2013]0268-027号'],
      ['互联网药品信息服务资格证书', '(京)-经营性-2014-0008'],
      ['食品经营许可证', 'JY13301080111719'],
      ['出版物经营许可证', null],
      ['互联网药品信息服务资格证书', '(京) -非经营性-2014-0090'],
    ]);
  });

  it('names numbers written alone by their format', () => {
    const found = findLicences('京网文[2017]1530-131号 | （京）网械平台备字（2018）第00005号 | 新出发京零 字第大120007号');
    expect(found.map((f) => f.name)).toEqual([
      '网络文化经营许可证',
      '医疗器械网络交易服务第三方平台备案',
      '出版物经营许可证',
    ]);
  });

  it('does not take another label as a number', () => {
    expect(numberAfter('|增值电信业务经营许可证')).toBeNull();
    expect(numberAfter('：暂无')).toBeNull();
  });
});

describe('licences in pages', () => {
  it('takes links named like a licence', () => {
    const facts = factsOf('<a href="/q">税务登记证</a><a href="/q">药品经营质量管理规范认证证书（新）</a><a href="/x">许可证办理流程说明</a>');
    expect(facts.licences.map((l) => l.name)).toEqual(['税务登记证', '药品经营质量管理规范认证证书']);
  });
});
