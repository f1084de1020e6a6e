import { describe, expect, it } from 'vitest';
import { findUsccCodes, isValidUscc, usccCheckCharacter } from '@/rules/detectors/uscc';

describe('GB 32100 check character', () => {
  it('accepts the standard example and rejects a wrong check character', () => {
    expect(isValidUscc('91330100716105852F')).toBe(true);
    expect(isValidUscc('91350100M000100Y4Z')).toBe(false);
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('rejects letters outside the alphabet and wrong lengths', () => {
    expect(isValidUscc('91330100716105852I')).toBe(false);
    expect(isValidUscc('9133010071610585')).toBe(false);
  });
});

describe('findUsccCodes', () => {
  it('takes a labelled code, valid or not', () => {
    expect(findUsccCodes('统一社会信用代码：91330100716105852F')).toMatchObject([{ valid: true, labelled: true }]);
    expect(findUsccCodes('统一社会信用代码 91350100M000100Y4Z')).toMatchObject([{ valid: false, labelled: true }]);
  });

  it('takes a bare code only with a right check character and company words near', () => {
    expect(findUsccCodes('杭州某某科技有限公司 91330100716105852F')).toMatchObject([{ labelled: false, valid: true }]);
    expect(findUsccCodes('订单 91330100716105852F 已发货')).toEqual([]);
    expect(findUsccCodes('有限公司 91350100M000100Y4Z')).toEqual([]);
    expect(findUsccCodes('有限公司 ABCDEFGH1234567890')).toEqual([]);
  });
});
