// A message fragment imported for one language (i18n/locales/): modules/locale-messages.ts strips the other.
declare module '*.json?locale=zh_CN' {
  const fragment: import('./format').LocaleFragment;
  export default fragment;
}
declare module '*.json?locale=en' {
  const fragment: import('./format').LocaleFragment;
  export default fragment;
}
