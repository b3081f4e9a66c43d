/**
 * Writes optel's Grafana dashboards as JSON for file provisioning.
 *
 *   node grafana/generate.ts                      # grafana/dashboards/<name>.json from the built-in catalog
 *   node grafana/generate.ts --check              # exit 1 if the committed files are not current
 *   node grafana/generate.ts --catalog ./app-catalog.js --out ./my-dashboards
 *                                                 # add an app's domain categories (module exporting
 *                                                 # `catalog` or a default export, as given to defineCatalog)
 *
 * Reads the catalog from dist/: run `npm run build` first (`npm run dashboards` does).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCatalogModule } from '../dist/catalog/catalog-module.js';
import { buildDashboards, dashboardJson } from './dashboards.ts';
import { runMain } from '../scripts/run-main.ts';

export const DEFAULT_OUT_DIR = fileURLToPath(new URL('./dashboards/', import.meta.url));

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      catalog: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const outDir = values.out === undefined ? DEFAULT_OUT_DIR : resolve(values.out);
  const dashboards = buildDashboards(await loadCatalogModule(values.catalog));
  const wanted = new Map(dashboards.map((d) => [`${d.fileName}.json`, dashboardJson(d.dashboard)]));

  mkdirSync(outDir, { recursive: true });
  // Earlier generated dashboards that are no longer produced would still be provisioned.
  const stale = readdirSync(outDir).filter((f) => f.startsWith('optel-') && f.endsWith('.json') && !wanted.has(f));
  const changed: string[] = [];
  for (const [file, json] of wanted) {
    let current: string | undefined;
    try {
      current = readFileSync(join(outDir, file), 'utf8');
    } catch {
      current = undefined;
    }
    if (current !== json) changed.push(file);
  }

  if (values.check) {
    for (const f of changed) console.error(`out of date: ${join(outDir, f)}`);
    for (const f of stale) console.error(`no longer generated: ${join(outDir, f)}`);
    if (changed.length + stale.length > 0) {
      console.error('Run `npm run dashboards` to update them.');
      return 1;
    }
    return 0;
  }
  for (const f of changed) writeFileSync(join(outDir, f), wanted.get(f) as string);
  for (const f of stale) rmSync(join(outDir, f));
  console.log(`${wanted.size} dashboards in ${outDir}: ${changed.length} written, ${stale.length} removed`);
  return 0;
}

runMain(import.meta.url, main);
