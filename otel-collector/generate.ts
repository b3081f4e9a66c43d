/**
 * Writes the Collector's ingest policy (what the OTLP endpoint accepts), generated from the catalog.
 *
 *   node otel-collector/generate.ts                        # otel-collector/ingest-policy.yaml, built-in catalog
 *   node otel-collector/generate.ts --check                # exit 1 if the committed file is not current
 *   node otel-collector/generate.ts --catalog ./app-catalog.js --out ./ingest-policy.yaml [--services 4]
 *                                                          # an app's domain categories too (the module
 *                                                          # exporting `catalog` or a default export)
 *
 * Reads the catalog from dist/: run `npm run build` first (`npm run ingest-policy` does).
 * Plain erasable TypeScript: Node runs it directly.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { buildCatalog } from '../dist/catalog/catalog.js';
import { loadCatalogModule } from '../dist/catalog/catalog-module.js';
import { ingestPolicy, ingestPolicyDocument } from '../dist/catalog/ingest-policy.js';
import { runMain } from '../scripts/run-main.ts';

export const DEFAULT_POLICY_FILE = fileURLToPath(new URL('./ingest-policy.yaml', import.meta.url));

/** The policy file's text for a catalog module (or the built-in catalog). */
export async function policyText(catalogModule: string | undefined, services?: number): Promise<string> {
  const catalog = buildCatalog(await loadCatalogModule(catalogModule), '--catalog');
  const policy = ingestPolicy(catalog, services === undefined ? {} : { services });
  return ingestPolicyDocument(policy, (v) => stringify(v, { lineWidth: 0 }), catalogModule === undefined ? 'the built-in catalog' : `the catalog in ${catalogModule} and the built-in one`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      catalog: { type: 'string' },
      out: { type: 'string' },
      services: { type: 'string' },
    },
  });
  const services = values.services === undefined ? undefined : Number(values.services);
  if (services !== undefined && (!Number.isInteger(services) || services < 1)) {
    console.error(`--services: expected a positive integer, got ${JSON.stringify(values.services)}`);
    return 2;
  }
  const out = values.out === undefined ? DEFAULT_POLICY_FILE : resolve(values.out);
  const text = await policyText(values.catalog, services);
  if (values.check) {
    let current = '';
    try {
      current = readFileSync(out, 'utf8');
    } catch {
      // missing counts as out of date
    }
    if (current !== text) {
      console.error(`out of date: ${out}\nRun \`npm run ingest-policy\` to update it.`);
      return 1;
    }
    return 0;
  }
  writeFileSync(out, text);
  console.log(`ingest policy written to ${out}`);
  return 0;
}

runMain(import.meta.url, main);
