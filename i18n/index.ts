import type { Locale } from '@/utils/locale';
import { catalog } from './catalog';
import { DEFAULT_LOCALE, formatMessage, type MessageParams } from './format';

export { DEFAULT_LOCALE, type MessageParams };

export const LOCALES: readonly Locale[] = ['zh_CN', 'en'];

/** Renders any message of the extension in `locale`; see `formatMessage`. */
export function t(key: string, locale: Locale = DEFAULT_LOCALE, params?: MessageParams): string {
  return formatMessage(catalog, key, locale, params);
}

export function hasMessage(key: string): boolean {
  return key in catalog;
}

export function isLocale(value: unknown): value is Locale {
  return value === 'zh_CN' || value === 'en';
}

/** Chrome's `_locales/<locale>/messages.json`, generated from the catalog at build time. */
export function chromeMessages(locale: Locale): Record<string, { message: string }> {
  const out: Record<string, { message: string }> = {};
  for (const [key, entry] of Object.entries(catalog)) {
    // `$` in Chrome's message text starts a placeholder; `$$` is a literal dollar sign.
    out[key] = { message: entry[locale].replace(/\$/g, '$$$$') };
  }
  return out;
}
