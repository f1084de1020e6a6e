import type { Locale } from '@/utils/locale';
import { DEFAULT_LOCALE, formatMessage, type LocaleMessages, type MessageParams } from './format';

export { DEFAULT_LOCALE, type MessageParams };
export { isLocale, LOCALES } from '../utils/locale';

/**
 * Each language's messages, once loaded. The extension pages load only the language they show (each catalogue is
 * its own chunk, `loadLocale`), and an export in the other language loads that one first; the service worker, the
 * CLI and the tests install both at start (`./all-locales`).
 */
const loaded: Partial<Record<Locale, LocaleMessages>> = {};
const loading: Partial<Record<Locale, Promise<void>>> = {};

/** Each catalogue as its own chunk: a page fetches only what it asks for. */
const CATALOGUES: Record<Locale, () => Promise<LocaleMessages>> = {
  zh_CN: () => import('./locales/zh_CN').then((module) => module.messages),
  en: () => import('./locales/en').then((module) => module.messages),
};

export function installMessages(locale: Locale, messages: LocaleMessages): void {
  loaded[locale] = messages;
}

export function isLocaleLoaded(locale: Locale): boolean {
  return loaded[locale] !== undefined;
}

/** Loads `locale`'s messages, once; every `t` in that language may be called after it resolves. */
export function loadLocale(locale: Locale): Promise<void> {
  if (loaded[locale]) return Promise.resolve();
  return (loading[locale] ??= CATALOGUES[locale]().then(
    (messages) => installMessages(locale, messages),
    (error: unknown) => {
      delete loading[locale];
      throw error;
    },
  ));
}

function messagesOf(locale: Locale): LocaleMessages {
  const messages = loaded[locale];
  // Loud, not a silent fall back to another language: an export in the wrong language would look right at a glance.
  if (!messages) throw new Error(`i18n: the ${locale} messages are not loaded (await loadLocale('${locale}') first)`);
  return messages;
}

/** Renders any message of the extension in `locale`; see `formatMessage`. */
export function t(key: string, locale: Locale = DEFAULT_LOCALE, params?: MessageParams): string {
  return formatMessage(messagesOf(locale), key, params);
}

/** Every key is in both languages (a meta-test checks), so asking `locale`'s catalogue answers for both. */
export function hasMessage(key: string, locale: Locale = DEFAULT_LOCALE): boolean {
  return key in messagesOf(locale);
}
