/** Runs every detector fixture page against its expected facts. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_ROOT, fixtureCases, fixtureDetectors } from '../gather/support/fixtures';
import { factsOf } from '../gather/support/dom';
import { DETECTORS } from '@/rules/detectors';

const DETECTOR_DIR = join(__dirname, '../../../rules/detectors');
/** Modules in rules/detectors that are the registry, shared helpers or tables, not detectors (page-features is part of signals). */
const SHARED_MODULES = ['index', 'context', 'gov-hosts', 'provinces', 'sentences', 'page-features', 'findings-limit', 'link-words'];

describe('detector fixtures', () => {
  for (const detector of fixtureDetectors()) {
    describe(detector, () => {
      const cases = fixtureCases(detector);
      it('has a pass and a fail case', () => {
        expect(cases.length).toBeGreaterThanOrEqual(2);
      });
      for (const fixture of cases) {
        it(fixture.name, () => {
          const facts = factsOf(fixture.html, fixture.url) as unknown as Record<string, unknown>;
          for (const [key, expected] of Object.entries(fixture.facts)) {
            if (Array.isArray(expected) || (expected && typeof expected === 'object')) {
              expect(facts[key], key).toMatchObject(expected as object);
            } else {
              expect(facts[key], key).toEqual(expected);
            }
          }
        });
      }
    });
  }

  it('every detector module has fixtures and is registered in the detector registry', () => {
    const modules = readdirSync(DETECTOR_DIR)
      .filter((file) => file.endsWith('.ts'))
      .map((file) => file.slice(0, -3))
      .filter((id) => !SHARED_MODULES.includes(id));
    const registered = [...new Set(DETECTORS.map((detector) => detector.id))];
    for (const id of modules) {
      expect(existsSync(join(FIXTURE_ROOT, id)), `fixtures for ${id}`).toBe(true);
      expect(registered, `registered ${id}`).toContain(id);
    }
    expect(registered.sort()).toEqual(modules.sort());
  });
});
