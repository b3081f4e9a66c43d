import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CatalogSpec } from './types.js';

/**
 * Loads an app's catalog from its module (exporting `catalog`, or a default export, as given to
 * `defineCatalog`). Every generator an operator runs with their app's catalog (dashboards, the
 * Collector's ingest policy) reads it through here, so they always see the same declarations.
 */
export async function loadCatalogModule(path: string | undefined): Promise<CatalogSpec | undefined> {
  if (path === undefined) return undefined;
  const mod = (await import(pathToFileURL(resolve(path)).href)) as { catalog?: CatalogSpec; default?: CatalogSpec };
  const catalog = mod.catalog ?? mod.default;
  if (catalog === undefined) throw new Error(`${path} exports neither \`catalog\` nor a default catalog`);
  return catalog;
}
