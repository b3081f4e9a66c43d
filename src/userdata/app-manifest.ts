import type { CatalogSpec } from '../catalog/types.js';
import { readJson, writeJson } from '../fs/json-file.js';

/**
 * What an app registered with, written beside the consent file so the `optel` command can
 * describe the app's categories and reach its endpoint while the app is not running. It describes
 * the app, never the user.
 */
export interface AppManifest {
  readonly serviceName: string;
  readonly serviceVersion?: string;
  readonly exporter: 'otlp' | 'prometheus';
  readonly endpoint: string;
  readonly catalog: CatalogSpec;
  /** The variable that forces this app's telemetry off, so `optel consent status` reports it as the app sees it. */
  readonly optOutVariable?: string;
  /** How long the app waits for its backend; the `optel` command waits as long for a deletion request. */
  readonly exportTimeoutMs?: number;
}

export function writeAppManifest(file: string, manifest: AppManifest): void {
  const previous = readJson<AppManifest>(file);
  if (previous && JSON.stringify(previous) === JSON.stringify(manifest)) return; // most starts: nothing to write
  writeJson(file, manifest);
}

export function readAppManifest(file: string): AppManifest | undefined {
  const m = readJson<AppManifest>(file);
  return m && typeof m.serviceName === 'string' && m.catalog && typeof m.catalog === 'object' ? m : undefined;
}
