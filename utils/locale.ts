/** The languages of the interface and of every export: Chinese (the default) and English. */
export type Locale = 'zh_CN' | 'en';

export const LOCALES: readonly Locale[] = ['zh_CN', 'en'];

export function isLocale(value: unknown): value is Locale {
  return value === 'zh_CN' || value === 'en';
}
