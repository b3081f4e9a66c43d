import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { catalogTable, withCatalogTable } from '../../src/catalog/readme-table.js';

it('lists every built-in metric with its OTel name, kind, unit and sensitivity', () => {
  const table = catalogTable();
  expect(table).toContain('| feature_usage | `optel.feature_usage.activations` | counter | `{activation}` | `feature`: text ≤ 64, redacted | low | 2027-11-30 |');
  expect(table).toContain('`optel.errors.crashes` | event');
});

it('README "What we collect" is current with the catalog (run `npm run docs` to update it)', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  expect(withCatalogTable(readme)).toBe(readme);
});
