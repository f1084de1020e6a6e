import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';
import { addViteConfig, defineWxtModule } from 'wxt/modules';
import { isLocale } from '../utils/locale';
import { fragmentIn, type MessageFragment } from '../i18n/format';

/** A fragment asked for in one language (i18n/locales/): `…/i18n/messages/<name>.json?locale=<locale>`. */
const ONE_LANGUAGE = /^(.+\.json)\?locale=(\w+)$/;
/** Its module id once resolved, `\0liangzhao-messages:<locale>:<file>.js`: a virtual JavaScript module, which Vite's
 *  JSON plugin leaves alone. */
const PREFIX = '\0liangzhao-messages:';
const SUFFIX = '.js';

/**
 * Keeps only one language's text in each fragment a language's catalogue imports, so the popup and the dashboard,
 * which load the catalogue of the language they show, never carry the other (both are 134 KB together).
 * The sources stay as they are, both languages side by side.
 */
export function localeMessages(): Plugin {
  return {
    name: 'liangzhao:locale-messages',
    enforce: 'pre',
    async resolveId(source, importer) {
      const match = ONE_LANGUAGE.exec(source);
      if (!match || !isLocale(match[2])) return null;
      const file = await this.resolve(match[1], importer, { skipSelf: true });
      return file && !file.external ? `${PREFIX}${match[2]}:${file.id}${SUFFIX}` : null;
    },
    async load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const [locale, ...path] = id.slice(PREFIX.length, -SUFFIX.length).split(':');
      const file = path.join(':');
      if (!isLocale(locale)) return null;
      this.addWatchFile(file);
      const fragment = JSON.parse(await readFile(file, 'utf8')) as MessageFragment;
      return `export default ${JSON.stringify(fragmentIn(fragment, locale))};`;
    },
  };
}

// Workers (the dashboard's evidence worker) are bundled on their own, with the plugins given for them.
export default defineWxtModule((wxt) => addViteConfig(wxt, () => ({ plugins: [localeMessages()], worker: { plugins: () => [localeMessages()] } })));
