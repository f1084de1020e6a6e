import type { Locale } from '@/utils/locale';

/** One entry per message: both languages side by side, so a missing translation is visible in review. */
export type MessageEntry = Record<Locale, string>;
export type MessageFragment = Record<string, MessageEntry>;
export type MessageParams = Record<string, string | number>;

export const DEFAULT_LOCALE: Locale = 'zh_CN';

/**
 * Renders `key` from `messages` in `locale`, filling `{name}` placeholders from `params`. An unknown key renders as
 * the key itself, so a gap shows instead of breaking the page (meta-tests keep gaps out).
 */
export function formatMessage(
  messages: MessageFragment,
  key: string,
  locale: Locale = DEFAULT_LOCALE,
  params?: MessageParams,
): string {
  const entry = messages[key];
  const template = entry?.[locale] ?? entry?.[DEFAULT_LOCALE] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
