import { describe, expect, it } from 'vitest';
import { codeInPsbHref, findPsbNumbers, isPsbHref } from '@/rules/detectors/psb';
import { PROVINCE_DIVISION, DIVISION_PREFIXES } from '@/rules/detectors/provinces';

describe('findPsbNumbers', () => {
  it('reads the 14-digit form and checks the division against the province', () => {
    const [match] = findPsbNumbers('京公网安备 11000002000088号');
    expect(match).toMatchObject({ digits: '11000002000088', province: '京', form: 'current', valid: true, warnings: [] });
  });

  it('accepts a full-width colon and a missing 号', () => {
    expect(findPsbNumbers('京公网安备：11010502027270 |')[0]).toMatchObject({ digits: '11010502027270', valid: true });
  });

  it('warns when the division disagrees with the province character', () => {
    const [match] = findPsbNumbers('浙公网安备 11000002000088号');
    expect(match.valid).toBe(false);
    expect(match.warnings).toContain('province-mismatch');
  });

  it('warns on 12 digits, an unknown division or no province', () => {
    expect(findPsbNumbers('京公网安备110105014669号')[0].warnings).toEqual(['legacy-12-digits']);
    expect(findPsbNumbers('京公网安备 99000002000088号')[0].warnings).toEqual(['unknown-division']);
    expect(findPsbNumbers('公网安备 11000002000088号')[0].warnings).toEqual(['no-province']);
  });

  it('warns on a bureau number of neither 12 nor 14 digits', () => {
    expect(findPsbNumbers('上海市公安局静安分局备案编号：3101060000123')[0]).toMatchObject({
      valid: false,
      warnings: ['unusual-length'],
    });
  });

  it('reads the bureau form', () => {
    const [match] = findPsbNumbers('北京市公安局朝阳分局备案编号110105014669');
    expect(match).toMatchObject({ form: 'bureau', province: '北京', digits: '110105014669', valid: false });
    expect(match.warnings).toEqual(['legacy-12-digits']);
    expect(findPsbNumbers('上海市公安局备案编号110105014669')[0].warnings).toContain('province-mismatch');
  });

  it('reads the common misspelling 公安网备 and 公网安备案号', () => {
    expect(findPsbNumbers('京公安网备11010502030143号')[0]).toMatchObject({ digits: '11010502030143', valid: true });
    expect(findPsbNumbers('浙公网安备案号：33010002000078')[0]).toMatchObject({ digits: '33010002000078' });
  });

  it('does not take longer digit runs', () => {
    expect(findPsbNumbers('公网安备 1100000200008899号')).toEqual([]);
  });
});

describe('division table', () => {
  it('covers the province-level prefixes 11..65', () => {
    for (const prefix of ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
      '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65']) {
      expect(DIVISION_PREFIXES.has(prefix), prefix).toBe(true);
    }
    expect(PROVINCE_DIVISION['粤']).toBe('44');
    expect(PROVINCE_DIVISION['蜀']).toBe(PROVINCE_DIVISION['川']);
  });
});

describe('psb links', () => {
  it('knows the current and the older host only', () => {
    expect(isPsbHref('https://beian.mps.gov.cn/#/query/webSearch?code=11000002000088')).toBe(true);
    expect(isPsbHref('http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=1')).toBe(true);
    expect(isPsbHref('http://beian.mps.gov.cn.example.com/')).toBe(false);
    expect(isPsbHref('https://www.example.com/beian.gov.cn')).toBe(false);
  });

  it('reads the code from the query or the hash route', () => {
    expect(codeInPsbHref('https://beian.mps.gov.cn/#/query/webSearch?code=11000002000088')).toBe('11000002000088');
    expect(codeInPsbHref('http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=33010002000078')).toBe(
      '33010002000078',
    );
    expect(codeInPsbHref('http://www.beian.gov.cn/portal/')).toBeNull();
  });
});
