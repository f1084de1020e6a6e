import type { Locale } from '@/rules/types';
import { catalog } from './catalog';

export const LOCALES: readonly Locale[] = ['zh_CN', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh_CN';

export type MessageParams = Record<string, string | number>;

/**
 * Renders a message in `locale`. `{name}` placeholders are filled from `params`.
 * An unknown key renders as the key itself, so a gap shows instead of breaking the page (a meta-test keeps gaps out).
 */
export function t(key: string, locale: Locale = DEFAULT_LOCALE, params?: MessageParams): string {
  const entry = catalog[key];
  const template = entry?.[locale] ?? entry?.[DEFAULT_LOCALE] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
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
