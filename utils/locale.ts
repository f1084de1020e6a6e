/** The languages of the interface and of every export: Chinese (the default) and English. */
export type Locale = 'zh_CN' | 'en';
