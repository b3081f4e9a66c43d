/**
 * Generates optel's monitoring from the catalog and mixin/config.ts: recording rules, alerts, the
 * runbooks' "Meaning" paragraphs and the Grafana dashboards. Like a Prometheus mixin, every number
 * lives in mixin/config.ts and every series name in mixin/series.ts.
 *
 *   npm run mixin                                 # prometheus/rules/{recording,alerts}.yml (and the app
 *                                                 # alerts for Thanos rule, thanos/rules/alerts.yml), the Meaning
 *                                                 # paragraphs of prometheus/runbooks.md, grafana/dashboards/*.json
 *   npm run mixin -- --check                      # exit 1 if any of those committed files is stale
 *   npm run mixin -- --catalog ./app-catalog.js --out ./monitoring
 *                                                 # for an app's own categories: monitoring/rules/optel-domain.yml
 *                                                 # and monitoring/dashboards/*.json (module exporting `catalog`
 *                                                 # or a default export, as given to defineCatalog)
 *
 * Reads the catalog from dist/: run `npm run build` first (`npm run mixin` does).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { builtinCatalog } from '../dist/index.js';
import type { CatalogSpec } from '../dist/index.js';
import { loadCatalogModule } from '../dist/catalog/catalog-module.js';
import { buildDashboards, dashboardJson } from '../grafana/dashboards.ts';
import { runMain } from '../scripts/run-main.ts';
import { ALERTS_HEADER, CLUSTER_ALERTS_HEADER, alertGroups, alertingRuleGroups, clusterAlertingRuleGroups } from './alerts.ts';
import { DOMAIN_RECORDING_HEADER, RECORDING_HEADER, builtinRecordingGroups, domainRecordingGroups } from './recording.ts';
import { ruleFileYaml } from './rule-file.ts';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** What one run produces: file contents by absolute path, and the directories whose other `optel-*.json` are stale. */
export interface Output {
  readonly files: Map<string, string>;
  readonly dashboardDirs: readonly string[];
}

function isBuiltin(category: string): boolean {
  return Object.prototype.hasOwnProperty.call(builtinCatalog, category);
}

/** Wraps Markdown prose at `width` columns (the runbooks are wrapped by hand at about 100). */
export function wrap(text: string, width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/** The runbooks with each alert's "Meaning" paragraph replaced by the generated one. */
export function withMeanings(runbooks: string, catalog: CatalogSpec): string {
  let out = runbooks;
  for (const { alerts } of alertGroups(catalog)) {
    for (const { rule, meaning } of alerts) {
      const heading = `## ${rule.alert}\n\n`;
      const at = out.indexOf(heading);
      if (at < 0) throw new Error(`prometheus/runbooks.md has no section "## ${rule.alert}"`);
      const start = at + heading.length;
      if (!out.startsWith('**Meaning.** ', start)) throw new Error(`prometheus/runbooks.md: "## ${rule.alert}" must start with a **Meaning.** paragraph`);
      const end = out.indexOf('\n\n', start);
      out = `${out.slice(0, start)}${wrap(`**Meaning.** ${meaning}`)}${out.slice(end)}`;
    }
  }
  return out;
}

function dashboardFiles(catalog: CatalogSpec, dir: string, files: Map<string, string>): void {
  for (const d of buildDashboards(catalog)) files.set(join(dir, `${d.fileName}.json`), dashboardJson(d.dashboard));
}

/** optel's own files, from the built-in catalog. */
export function builtinOutput(root = ROOT): Output {
  const files = new Map<string, string>();
  files.set(join(root, 'prometheus/rules/recording.yml'), ruleFileYaml(RECORDING_HEADER, builtinRecordingGroups(builtinCatalog)));
  files.set(join(root, 'prometheus/rules/alerts.yml'), ruleFileYaml(ALERTS_HEADER, alertingRuleGroups(builtinCatalog)));
  files.set(join(root, 'thanos/rules/alerts.yml'), ruleFileYaml(CLUSTER_ALERTS_HEADER, clusterAlertingRuleGroups(builtinCatalog)));
  const runbooks = join(root, 'prometheus/runbooks.md');
  files.set(runbooks, withMeanings(readFileSync(runbooks, 'utf8'), builtinCatalog));
  const dashboards = join(root, 'grafana/dashboards');
  dashboardFiles(builtinCatalog, dashboards, files);
  return { files, dashboardDirs: [dashboards] };
}

/** An app's files, from its catalog module: recording rules for its own categories, and every dashboard. */
export function appOutput(catalog: CatalogSpec, outDir: string): Output {
  const domain = Object.keys(catalog).filter((c) => !isBuiltin(c));
  if (domain.length === 0) throw new Error('the catalog declares no categories of its own: optel\'s committed rules and dashboards already cover it');
  const files = new Map<string, string>();
  files.set(join(outDir, 'rules/optel-domain.yml'), ruleFileYaml(DOMAIN_RECORDING_HEADER, domainRecordingGroups(catalog, domain)));
  const dashboards = join(outDir, 'dashboards');
  dashboardFiles(catalog, dashboards, files);
  return { files, dashboardDirs: [dashboards] };
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Files that differ from what is on disk, and generated dashboards no longer produced. */
export function diff(output: Output): { changed: string[]; stale: string[] } {
  const changed = [...output.files].filter(([path, content]) => read(path) !== content).map(([path]) => path);
  const stale: string[] = [];
  for (const dir of output.dashboardDirs) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      names = [];
    }
    for (const f of names) if (f.startsWith('optel-') && f.endsWith('.json') && !output.files.has(join(dir, f))) stale.push(join(dir, f));
  }
  return { changed, stale };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      catalog: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if ((values.catalog === undefined) !== (values.out === undefined)) {
    console.error('--catalog and --out go together: the app\'s catalog module, and where its rules and dashboards go');
    return 2;
  }
  const catalog = await loadCatalogModule(values.catalog);
  const output = catalog === undefined ? builtinOutput() : appOutput(catalog, resolve(values.out as string));
  const { changed, stale } = diff(output);
  if (values.check) {
    for (const f of changed) console.error(`out of date: ${f}`);
    for (const f of stale) console.error(`no longer generated: ${f}`);
    if (changed.length + stale.length > 0) {
      console.error('Run `npm run mixin` to update them.');
      return 1;
    }
    return 0;
  }
  for (const f of changed) {
    mkdirSync(dirname(f), { recursive: true });
    writeFileSync(f, output.files.get(f) as string);
  }
  for (const f of stale) rmSync(f);
  console.log(`${output.files.size} files: ${changed.length} written, ${stale.length} removed`);
  for (const f of changed) console.log(`  wrote ${f}`);
  return 0;
}

runMain(import.meta.url, main);
