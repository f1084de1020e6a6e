import { formatMessage } from '../i18n/format';
import rulesMessages from '../i18n/messages/rules.json';
import type { Locale } from './types';
import type { MessageParams } from './rule';

const LIST_SEPARATOR: Record<Locale, string> = { zh_CN: '、', en: ', ' };

/**
 * Renders a rule message. Params named `…Keys` hold message keys joined by `|` (see `keyList`) and come out as a
 * list in the same language, so the popup can re-render a stored result in another locale.
 */
/** Only the rules' own messages: the engine runs in every page's content script, which stays small. */
function t(key: string, locale: Locale, params?: MessageParams): string {
  return formatMessage(rulesMessages, key, locale, params);
}

export function renderMessage(key: string, locale: Locale, params?: MessageParams): string {
  if (!params) return t(key, locale);
  const rendered: MessageParams = {};
  for (const [name, value] of Object.entries(params)) {
    rendered[name] =
      name.endsWith('Keys') && typeof value === 'string'
        ? value
            .split('|')
            .filter(Boolean)
            .map((itemKey) => t(itemKey, locale))
            .join(LIST_SEPARATOR[locale])
        : value;
  }
  return t(key, locale, rendered);
}
