import type { Locale } from '@/utils/locale';
import { catalog } from './catalog';

/** Chrome's `_locales/<locale>/messages.json`, generated from the catalog at build time. */
export function chromeMessages(locale: Locale): Record<string, { message: string }> {
  const out: Record<string, { message: string }> = {};
  for (const [key, entry] of Object.entries(catalog)) {
    // `$` in Chrome's message text starts a placeholder; `$$` is a literal dollar sign.
    out[key] = { message: entry[locale].replace(/\$/g, '$$$$') };
  }
  return out;
}
