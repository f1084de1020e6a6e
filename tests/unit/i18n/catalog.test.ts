import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalog, fragments } from '@/i18n/catalog';
import { t } from '@/i18n';
import { chromeMessages } from '@/i18n/chrome-messages';

describe('i18n catalogue', () => {
  it('lists every message fragment file', () => {
    const files = readdirSync('i18n/messages').map((f) => f.replace(/\.json$/, ''));
    expect(Object.keys(fragments).sort()).toEqual(files.sort());
  });

  it('has both languages for every key, and keys Chrome accepts', () => {
    for (const [key, entry] of Object.entries(catalog)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(entry.zh_CN, key).toBeTruthy();
      expect(entry.en, key).toBeTruthy();
    }
  });

  it('never defines a key twice across fragments', () => {
    const seen = new Map<string, string>();
    for (const [name, fragment] of Object.entries(fragments)) {
      for (const key of Object.keys(fragment)) {
        expect(seen.get(key), `${key} in ${name} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, name);
      }
    }
  });

  it('fills placeholders and defaults to Chinese', () => {
    expect(t('extName')).toBe('亮照 Liangzhao');
    expect(t('extName', 'en')).toBe('Liangzhao 亮照');
    expect(chromeMessages('en').extName.message).toBe('Liangzhao 亮照');
  });
});
