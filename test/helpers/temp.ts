import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A private directory per test; removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'optel-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a consent file granting exactly these categories. */
export function writeConsent(file: string, categories: Record<string, boolean>): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ version: 1, categories, updatedAt: new Date().toISOString(), history: [] }));
}

export const ALL_BUILTIN = ['feature_usage', 'performance', 'engagement', 'errors', 'satisfaction', 'resource', 'system'] as const;

export function allGranted(): Record<string, boolean> {
  return Object.fromEntries(ALL_BUILTIN.map((c) => [c, true]));
}
