import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
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

/**
 * Makes a directory refuse new files, as a read-only or full disk would: chmod for a normal user,
 * the immutable attribute for root (which chmod does not stop). Throws if neither works here, so
 * a test that needs it fails instead of passing without the fault. Returns the undo.
 */
export function makeUnwritable(dir: string): () => void {
  const probe = join(dir, '.optel-probe');
  const writable = (): boolean => {
    try {
      writeFileSync(probe, '');
      rmSync(probe, { force: true });
      return true;
    } catch {
      return false;
    }
  };
  chmodSync(dir, 0o500);
  if (!writable()) return () => chmodSync(dir, 0o700);
  chmodSync(dir, 0o700);
  execFileSync('chattr', ['+i', dir], { stdio: 'ignore' });
  if (!writable()) return () => execFileSync('chattr', ['-i', dir], { stdio: 'ignore' });
  execFileSync('chattr', ['-i', dir], { stdio: 'ignore' });
  throw new Error(`cannot make ${dir} unwritable on this machine`);
}
