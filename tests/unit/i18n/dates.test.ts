import { describe, expect, it } from 'vitest';
import { formatClock, formatTime } from '@/i18n/dates';

const TIMES = [
  new Date(2026, 10, 28, 13, 5).getTime(),
  new Date(2026, 0, 3, 9, 7).getTime(),
  new Date(2026, 11, 31, 23, 59).getTime(),
  new Date(1999, 5, 1, 12, 0).getTime(),
];
const TO_THE_MINUTE = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false } as const;

describe('times written by hand, without Intl', () => {
  it('reads as Intl.DateTimeFormat writes them, in Chinese and in English', () => {
    for (const ms of TIMES) {
      expect(formatTime(ms, 'zh_CN')).toBe(new Intl.DateTimeFormat('zh-CN', TO_THE_MINUTE).format(ms));
      expect(formatTime(ms, 'en')).toBe(new Intl.DateTimeFormat('en', TO_THE_MINUTE).format(ms));
      expect(formatClock(ms, 'en')).toBe(new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hour12: false }).format(ms));
    }
    expect(formatTime(new Date(2026, 10, 28, 21, 5).getTime(), 'zh_CN')).toBe('2026/11/28 21:05');
    expect(formatTime(new Date(2026, 10, 28, 21, 5).getTime(), 'en')).toBe('11/28/2026, 21:05');
  });

  it('writes a time just after midnight as 00:07, where Intl writes 24:07 in English', () => {
    const justAfterMidnight = new Date(2026, 0, 3, 0, 7).getTime();
    expect(formatTime(justAfterMidnight, 'en')).toBe('01/03/2026, 00:07');
    expect(formatClock(justAfterMidnight, 'zh_CN')).toBe('00:07');
  });

  it('refuses an invalid time, as Intl does', () => {
    expect(() => formatTime(Number.NaN, 'zh_CN')).toThrow(RangeError);
  });
});
