import { hostOf } from '@/utils/url';

/**
 * A copy, in `storage.local`, of the settings that decide whether a page is audited on its own. The database is
 * where settings live, but the content script cannot read it, and asking the background costs a round trip that
 * may have to start the service worker: so a page on a paused site would run the engine once before the answer
 * came. The copy is a hint only: the background's `settings:auto-audit` answer still decides, so a copy left stale
 * (settings changed while no extension page could write it) never stops an audit that is allowed.
 */
export const SETTINGS_MIRROR_KEY = 'liangzhao.autoAuditSettings';

export interface SettingsMirror {
  autoAudit: boolean;
  pausedHosts: string[];
  /** When it was written (ms): every settings write changes the copy, so its change event marks the write. */
  syncedAt: number;
}

export function isSettingsMirror(value: unknown): value is SettingsMirror {
  if (typeof value !== 'object' || value === null) return false;
  const { autoAudit, pausedHosts } = value as Partial<SettingsMirror>;
  return typeof autoAudit === 'boolean' && Array.isArray(pausedHosts) && pausedHosts.every((host) => typeof host === 'string');
}

/** Whether the copy says `url` is not audited automatically (automatic audits off, or its site paused). */
export function mirrorRefuses(mirror: SettingsMirror, url: string): boolean {
  return !mirror.autoAudit || mirror.pausedHosts.includes(hostOf(url));
}

/** The copy as stored, or null when there is none (an install older than it) or it cannot be read. */
export async function readSettingsMirror(): Promise<SettingsMirror | null> {
  try {
    const value = (await browser.storage.local.get(SETTINGS_MIRROR_KEY))[SETTINGS_MIRROR_KEY];
    return isSettingsMirror(value) ? value : null;
  } catch {
    return null;
  }
}
