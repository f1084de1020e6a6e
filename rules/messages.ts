import { t } from '../i18n';
import type { Locale } from './types';
import type { MessageParams } from './rule';

const LIST_SEPARATOR: Record<Locale, string> = { zh_CN: '、', en: ', ' };

/**
 * Renders a rule message. Params named `…Keys` hold message keys joined by `|` (see `keyList`) and come out as a
 * list in the same language, so the popup can re-render a stored result in another locale.
 */
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
