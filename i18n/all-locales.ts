/**
 * Installs every language's messages at once, for code that renders synchronously in any language and cannot load
 * a chunk on demand: the service worker (no `import()` there), the CLI and the unit tests. Extension pages never
 * import this: they load the one language they show (`loadLocale`).
 */
import { installMessages } from './index';
import { messages as en } from './locales/en';
import { messages as zhCN } from './locales/zh_CN';

installMessages('zh_CN', zhCN);
installMessages('en', en);
