/** Runs every detector fixture page against its expected facts. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_ROOT, fixtureCases, fixtureDetectors } from '../gather/support/fixtures';
import { factsOf } from '../gather/support/dom';

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

  it('every detector module has fixtures', () => {
    for (const id of ['icp', 'psb', 'contact', 'terms-links', 'business-licence', 'government-badges', 'licences', 'uscc', 'unfair-clauses', 'notices', 'seller-identity']) expect(existsSync(join(FIXTURE_ROOT, id)), id).toBe(true);
  });
});
