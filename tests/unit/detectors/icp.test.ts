import { describe, expect, it } from 'vitest';
import { findIcpNumbers, isMiitHref } from '@/rules/detectors/icp';

describe('findIcpNumbers', () => {
  it('with a limit, finds the same first numbers as without one', () => {
    const numbers = Array.from({ length: 300 }, (_, i) =>
      i % 3 ? `京ICP备${11_000_000 + i}号` : `浙B2-${20_080_000 + i}`,
    ).join(' 。');
    const limited = findIcpNumbers(numbers, 100);
    expect(limited.slice(0, 100)).toEqual(findIcpNumbers(numbers).slice(0, 100));
    // Each scan stopped at 100: 100 filings of the 200, 100 telecom licences of the 100.
    expect(limited).toHaveLength(200);
  });

  it('reads a filing with its -N site suffix', () => {
    const [match] = findIcpNumbers('© 京ICP备11041704号-1 版权所有');
    expect(match).toMatchObject({ kind: 'filing', province: '京', serial: '11041704', siteSuffix: 1, valid: true });
    expect(match.text).toBe('京ICP备11041704号-1');
  });

  it('reads a licence and a four-digit-year filing', () => {
    const found = findIcpNumbers('京ICP证070359号 沪ICP备2025012345号');
    expect(found.map((m) => [m.kind, m.serial, m.valid])).toEqual([
      ['licence', '070359', true],
      ['filing', '2025012345', true],
    ]);
  });

  it('tolerates spacing and the suffix written before 号', () => {
    const [match] = findIcpNumbers('浙ICP备 12345678-3 号');
    expect(match).toMatchObject({ serial: '12345678', siteSuffix: 3, valid: true });
  });

  it('reads a value-added telecom licence', () => {
    const [match] = findIcpNumbers('增值电信业务经营许可证：浙B2-20080224');
    expect(match).toMatchObject({ kind: 'telecom', province: '浙', serial: 'B2-20080224', valid: true });
    expect(match.text).toBe('浙B2-20080224');
  });

  it('takes B2 only: B1, A1 and A2 license other telecom services', () => {
    expect(findIcpNumbers('苏B1-20130131 | 苏B2-20130376').map((m) => m.text)).toEqual(['苏B2-20130376']);
  });

  it('flags a missing province or a short serial as not well-formed', () => {
    expect(findIcpNumbers('ICP备12345678号')[0]).toMatchObject({ province: null, valid: false });
    expect(findIcpNumbers('京ICP备123号')[0]).toMatchObject({ valid: false });
  });

  it('ignores the label without a number and longer ids', () => {
    expect(findIcpNumbers('ICP备案号：查询中')).toEqual([]);
    expect(findIcpNumbers('SKU 浙B2-2008022412345')).toEqual([]);
  });
});

describe('isMiitHref', () => {
  it.each([
    ['https://beian.miit.gov.cn/', true],
    ['http://www.miibeian.gov.cn/state/outPortal/loginPortal.action', true],
    ['http://www.miitbeian.gov.cn/', true],
    ['http://zcainfo.miitbeian.gov.cn/state', true],
    ['http://www.zca.gov.cn/txzf', false],
    ['https://beian.miit.gov.cn.example.com/', false],
    ['https://example.com/?u=beian.miit.gov.cn', false],
    [null, false],
  ])('%s -> %s', (href, expected) => {
    expect(isMiitHref(href)).toBe(expected);
  });
});
