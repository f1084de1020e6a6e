/**
 * `2026-11-28T20:57:29.123+08:00`: local wall-clock time with its offset, so a record says when and where. Unlike
 * the engine's `isoWithOffset`, it keeps milliseconds (two captures in one second stay apart) and takes the offset
 * as a parameter, so it is testable in any time zone.
 */
export function isoWithOffset(date: Date, offsetMinutes = -date.getTimezoneOffset()): string {
  const shifted = new Date(date.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return shifted.toISOString().replace('Z', offset);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
