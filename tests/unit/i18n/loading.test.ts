import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { build } from 'vite';
import { signal } from '@preact/signals';
import { catalog } from '@/i18n/catalog';
import { fragmentIn, messagesIn } from '@/i18n/format';
import { localeMessages } from '@/modules/locale-messages';
import { captureOf, sampleAudit } from '../evidence/helpers';

/** A fresh i18n module with nothing installed, as an extension page starts (the test setup installs both). */
async function freshI18n() {
  vi.resetModules();
  return import('@/i18n');
}

beforeEach(() => vi.resetModules());

describe('loading one language', () => {
  it('renders nothing before its language is loaded, then that language only', async () => {
    const i18n = await freshI18n();
    expect(i18n.isLocaleLoaded('zh_CN')).toBe(false);
    expect(() => i18n.t('popup_title', 'zh_CN')).toThrow(/zh_CN messages are not loaded/);

    await i18n.loadLocale('zh_CN');
    expect(i18n.t('popup_title', 'zh_CN')).toBe('亮照 · 本页公示核查');
    expect(i18n.hasMessage('popup_title', 'zh_CN')).toBe(true);
    expect(i18n.isLocaleLoaded('en')).toBe(false);
    // Loud rather than in the wrong language.
    expect(() => i18n.t('popup_title', 'en')).toThrow(/en messages are not loaded/);

    await i18n.loadLocale('en');
    expect(i18n.t('popup_title', 'en')).toBe("Liangzhao · this page's disclosures");
  });

  it('loads each language once, however often it is asked', async () => {
    const i18n = await freshI18n();
    const [first, second] = [i18n.loadLocale('en'), i18n.loadLocale('en')];
    expect(first).toBe(second);
    await first;
    expect(i18n.t('extName', 'en')).toBe('Liangzhao 亮照');
  });

  it('holds every key of the catalogue in both languages', async () => {
    const i18n = await freshI18n();
    await Promise.all([i18n.loadLocale('zh_CN'), i18n.loadLocale('en')]);
    for (const [key, entry] of Object.entries(catalog)) {
      expect(i18n.t(key, 'zh_CN'), key).toBe(entry.zh_CN);
      expect(i18n.t(key, 'en'), key).toBe(entry.en);
    }
  });
});

describe('falling back', () => {
  const fragment = { both: { zh_CN: '甲', en: 'A' }, chineseOnly: { zh_CN: '乙' } } as never;

  it('gives an entry without the language the default language’s text, in the build and at run time', () => {
    expect(messagesIn([fragment], 'en')).toEqual({ both: 'A', chineseOnly: '乙' });
    expect(fragmentIn(fragment, 'en')).toEqual({ both: { en: 'A' }, chineseOnly: { en: '乙' } });
    expect(messagesIn([fragmentIn(fragment, 'zh_CN')], 'zh_CN')).toEqual({ both: '甲', chineseOnly: '乙' });
  });

  it('renders an unknown key as the key, and leaves an unknown placeholder as written', async () => {
    const i18n = await freshI18n();
    await i18n.loadLocale('en');
    expect(i18n.t('no_such_key', 'en')).toBe('no_such_key');
    expect(i18n.t('extName', 'en', { unused: 1 })).toBe('Liangzhao 亮照');
  });
});

describe('the language shown', () => {
  it('keeps the language it has until the chosen one’s messages are loaded', async () => {
    const i18n = await freshI18n();
    const { shownLocale } = await import('@/i18n/shown-locale');
    await i18n.loadLocale('zh_CN');
    const chosen = signal<'zh_CN' | 'en'>('zh_CN');
    const { locale, stop } = shownLocale(chosen);
    chosen.value = 'en';
    expect(locale.value).toBe('zh_CN');
    await vi.waitFor(() => expect(locale.value).toBe('en'));
    expect(i18n.isLocaleLoaded('en')).toBe(true);
    chosen.value = 'zh_CN';
    expect(locale.value).toBe('zh_CN');
    stop();
  });
});

describe('an export in the other language', () => {
  it('loads that language first: a dashboard in Chinese exports an English CSV and report', async () => {
    const i18n = await freshI18n();
    const { makeExport } = await import('@/evidence/export/files');
    await i18n.loadLocale('zh_CN');
    const audit = sampleAudit();
    const options = { locale: 'en' as const, exportedAt: '2026-11-28T21:05:00.000+08:00', extensionVersion: '0.1.0' };
    const csv = await (await makeExport('csv', [{ audit }], options)).blob.text();
    expect(i18n.isLocaleLoaded('en')).toBe(true);
    expect(csv).toContain(i18n.t('evidenceCsvKind_audit', 'en'));
    expect(csv).not.toContain(i18n.t('evidenceCsvKind_audit', 'zh_CN'));
    const html = await (await makeExport('html', [{ audit, capture: await captureOf(audit, null) }], options)).blob.text();
    expect(html).toContain(`<title>Online disclosure inspection record — ${audit.title}</title>`);
  });
});

describe('the build', () => {
  async function bundle(locale: 'zh_CN' | 'en'): Promise<string> {
    const output = await build({
      configFile: false,
      logLevel: 'silent',
      resolve: { alias: { '@': resolve('.') } },
      plugins: [localeMessages()],
      build: { write: false, minify: false, lib: { entry: resolve(`i18n/locales/${locale}.ts`), formats: ['es'], fileName: locale } },
    });
    const [result] = Array.isArray(output) ? output : [output];
    return (result as { output: Array<{ type: string; code?: string }> }).output.map((chunk) => chunk.code ?? '').join('\n');
  }

  it('bundles each language’s catalogue with its own text only', async () => {
    const [zh, en] = await Promise.all([bundle('zh_CN'), bundle('en')]);
    const differing = Object.entries(catalog).filter(([, entry]) => entry.zh_CN !== entry.en);
    expect(differing.length).toBeGreaterThan(500);
    const inBundle = (code: string, text: string) => code.includes(JSON.stringify(text).slice(1, -1));
    expect(differing.filter(([, entry]) => !inBundle(zh, entry.zh_CN)).map(([key]) => key)).toEqual([]);
    expect(differing.filter(([, entry]) => !inBundle(en, entry.en)).map(([key]) => key)).toEqual([]);
    // Not one of the other language's texts (a separator, or one that also occurs in this language's texts or in a
    // key, such as a name or a word like "running", aside).
    const keys = Object.keys(catalog);
    const foreign = (code: string, own: 'zh_CN' | 'en', other: 'zh_CN' | 'en') =>
      differing.filter(
        ([, entry]) =>
          entry[other].length > 2 &&
          !Object.values(catalog).some((e) => e[own].includes(entry[other])) &&
          !keys.some((key) => key.includes(entry[other])) &&
          inBundle(code, entry[other]),
      );
    expect(foreign(zh, 'zh_CN', 'en').map(([key]) => key)).toEqual([]);
    expect(foreign(en, 'en', 'zh_CN').map(([key]) => key)).toEqual([]);
  });
});
