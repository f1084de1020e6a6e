function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export interface IsoOptions {
  /** Minutes east of UTC; the machine's own offset when left out, so tests can pass any zone. */
  offsetMinutes?: number;
  /** Keep milliseconds: two captures within one second stay apart. Audit times are to the second. */
  milliseconds?: boolean;
}

/**
 * ISO 8601 in local wall-clock time with its offset (`2026-11-28T20:54:00+08:00`): an inspector's record reads in
 * local time and says where, which `toISOString()` (UTC with a `Z`) would not.
 */
export function isoWithOffset(date: Date = new Date(), options: IsoOptions = {}): string {
  const offsetMinutes = options.offsetMinutes ?? -date.getTimezoneOffset();
  const shifted = new Date(date.getTime() + offsetMinutes * 60_000).toISOString();
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${options.milliseconds ? shifted.slice(0, 23) : shifted.slice(0, 19)}${offset}`;
}
