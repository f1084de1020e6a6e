/** The command-line auditor with --browser: the engine bundle runs in headless Chromium and judges visibility. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../rules/types';

function audit(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'cli/audit.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run audit -- --browser', () => {
  it('audits in Chromium, where visibility is known', () => {
    const { code, stdout, stderr } = audit(
      '--json',
      '--browser',
      'tests/fixtures/rules/disclosures-visible/pass.html',
      'tests/fixtures/rules/disclosures-visible/fail-tiny.html',
      'tests/fixtures/does-not-exist.html',
    );
    expect(code).toBe(2);
    expect(stderr).toContain('does-not-exist.html');
    const [visible, tiny] = JSON.parse(stdout) as AuditResult[];
    expect(visible.mode).toBe('browser');
    expect(visible.facts.icp[0].visible).toBe(true);
    expect(visible.results.find((r) => r.ruleId === 'disclosures-visible')?.status).toBe('pass');
    expect(tiny.results.find((r) => r.ruleId === 'disclosures-visible')?.status).toBe('fail');
    expect(visible.auditedAt).toMatch(/[+-]\d\d:\d\d$/);
  });
});
