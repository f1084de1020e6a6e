import { defineWxtModule } from 'wxt/modules';
import { LOCALES } from '../utils/locale';
import { chromeMessages } from '../i18n/chrome-messages';

/** Writes `_locales/<locale>/messages.json` from i18n/messages, so the manifest and the UI read one catalogue. */
export default defineWxtModule((wxt) => {
  wxt.hook('build:publicAssets', (_wxt, files) => {
    for (const locale of LOCALES) {
      files.push({
        relativeDest: `_locales/${locale}/messages.json`,
        contents: JSON.stringify(chromeMessages(locale), null, 2),
      });
    }
  });
});
