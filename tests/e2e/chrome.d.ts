// Code that puppeteer evaluates inside the extension's service worker or pages uses Chromium's own `chrome` global.
declare const chrome: typeof import('@wxt-dev/browser').browser;
