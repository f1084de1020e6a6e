/**
 * axe-core style fixtures: tests/fixtures/detectors/<detector>/<case>.html beside <case>.expected.json.
 * The JSON holds `url` (optional) and `facts`: for each listed Facts key, arrays must have the same length with
 * each item matching the listed fields; other values must be equal.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURE_ROOT = join(__dirname, '../../../fixtures/detectors');

export interface FixtureCase {
  detector: string;
  name: string;
  html: string;
  url: string;
  facts: Record<string, unknown>;
}

export function fixtureCases(detector: string): FixtureCase[] {
  const dir = join(FIXTURE_ROOT, detector);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.html'.length);
      const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8'));
      return {
        detector,
        name,
        html: readFileSync(join(dir, file), 'utf8'),
        url: expected.url ?? 'https://shop.example.cn/',
        facts: expected.facts,
      };
    });
}

export function fixtureDetectors(): string[] {
  return readdirSync(FIXTURE_ROOT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}
