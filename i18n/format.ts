import type { Locale } from '@/utils/locale';

/** One entry per message: both languages side by side, so a missing translation is visible in review. */
export type MessageEntry = Record<Locale, string>;
export type MessageFragment = Record<string, MessageEntry>;
/** A fragment as one language's catalogue imports it (`messages/<name>.json?locale=<locale>`): the build keeps only
 *  that language's text; in Node, where nothing strips the other, both are there and `messagesIn` picks. */
export type LocaleFragment = Record<string, Partial<MessageEntry>>;
/** One language's messages, by key. */
export type LocaleMessages = Record<string, string>;
export type MessageParams = Record<string, string | number>;

export const DEFAULT_LOCALE: Locale = 'zh_CN';

/** `locale`'s text of every entry; an entry missing it falls back to the default language's. */
export function messagesIn(fragments: readonly LocaleFragment[], locale: Locale): LocaleMessages {
  const out: LocaleMessages = {};
  for (const fragment of fragments) {
    for (const [key, entry] of Object.entries(fragment)) {
      const text = entry[locale] ?? entry[DEFAULT_LOCALE];
      if (text !== undefined) out[key] = text;
    }
  }
  return out;
}

/** A fragment with only `locale`'s text (and the default language's where it lacks one): what the build bundles. */
export function fragmentIn(fragment: MessageFragment, locale: Locale): LocaleFragment {
  return Object.fromEntries(
    Object.entries(fragment).map(([key, entry]) => [key, { [locale]: entry[locale] ?? entry[DEFAULT_LOCALE] }]),
  );
}

/**
 * Renders `key` from `messages`, filling `{name}` placeholders from `params`. An unknown key renders as the key
 * itself, so a gap shows instead of breaking the page (meta-tests keep gaps out).
 */
export function formatMessage(messages: LocaleMessages, key: string, params?: MessageParams): string {
  const template = messages[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
