import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '@/wxt.config';
import { CAPTURE_COMMAND } from '@/messaging/protocol';
import { EXPORT_FORMATS } from '@/evidence/export/files';

type ManifestFn = (env: { browser: string; manifestVersion: number }) => Record<string, unknown>;

describe('evidence capture is registered and documented', () => {
  const manifestFor = (browser: string) => (config.manifest as unknown as ManifestFn)({ browser, manifestVersion: browser === 'firefox' ? 2 : 3 });

  it('declares the shortcut and the permissions capture needs, and no host permission for it', () => {
    const chrome = manifestFor('chrome');
    expect(chrome.commands).toHaveProperty(CAPTURE_COMMAND);
    expect(chrome.permissions).toContain('activeTab');
    // pageCapture is asked for at the first capture, not at install.
    expect(chrome.permissions).not.toContain('pageCapture');
    expect(chrome.optional_permissions).toEqual(['pageCapture']);
    // No host permission at install: a batch's captures (pages nobody clicked) ask for one, optionally, when wanted.
    expect(chrome.host_permissions).toBeUndefined();
    expect(chrome.permissions).not.toContain('<all_urls>');
    expect(chrome.optional_host_permissions).toEqual(['<all_urls>']);
    const firefox = manifestFor('firefox');
    expect(firefox.permissions).toContain('activeTab');
    expect(JSON.stringify(firefox)).not.toContain('pageCapture');
  });

  it('names the oldest browsers whose APIs it uses', () => {
    expect(manifestFor('chrome').minimum_chrome_version).toBe('99');
    expect(manifestFor('firefox')).toMatchObject({ browser_specific_settings: { gecko: { strict_min_version: '140.0' } } });
  });

  it('is described in the README: every export, every bundle file and the verifier’s exit codes', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Evidence and exports'));
    expect(section.length).toBeGreaterThan(100);
    for (const format of EXPORT_FORMATS) expect(section.toLowerCase()).toContain(`**${format === 'zip' ? 'zip evidence bundle' : format === 'html' ? 'html report' : format}**`);
    for (const file of ['report.html', 'audit.json', 'screenshot.png', 'page.mhtml', 'evidence-html.json', 'manifest.json']) expect(section).toContain(file);
    expect(section).toContain('npm run verify --');
    expect(section).toMatch(/\*\*0\*\*[\s\S]*\*\*1\*\*[\s\S]*\*\*2\*\*/);
  });
});
