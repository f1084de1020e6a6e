import { describe, expect, it } from 'vitest';
import { isoWithOffset } from '@/utils/time';

describe('isoWithOffset', () => {
  it('writes local time with the machine offset, not Z', () => {
    const date = new Date('2026-11-28T12:54:00Z');
    const text = isoWithOffset(date);
    expect(text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(new Date(text).getTime()).toBe(date.getTime());
  });
});
