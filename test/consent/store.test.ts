import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsentStore, defaultConsentFile, EMPTY_RECORD } from '../../src/consent/store.js';
import { tempDir } from '../helpers/temp.js';

const tmp = tempDir();
afterEach(() => undefined);

describe('ConsentStore', () => {
  it('reads a missing file as no consent', () => {
    expect(new ConsentStore(join(tmp.dir, 'missing', 'c.json')).read()).toEqual(EMPTY_RECORD);
  });

  it('reads a corrupt file as no consent', () => {
    const file = join(tmp.dir, 'corrupt.json');
    writeFileSync(file, '{"version":1,"categories":');
    expect(new ConsentStore(file).read().categories).toEqual({});
  });

  it('treats anything but an explicit true as not granted', () => {
    const file = join(tmp.dir, 'odd.json');
    writeFileSync(file, JSON.stringify({ version: 1, categories: { a: true, b: 'yes', c: 1, d: false } }));
    expect(new ConsentStore(file).read().categories).toEqual({ a: true, d: false });
  });

  it('writes atomically into a private directory and reads back what it wrote', () => {
    const file = join(tmp.dir, 'nested', 'dir', 'c.json');
    const store = new ConsentStore(file);
    const record = { version: 1 as const, categories: { performance: true }, updatedAt: '2026-11-22T00:00:00.000Z', history: [{ at: '2026-11-22T00:00:00.000Z', action: 'grant' as const, categories: ['performance'] }] };
    expect(store.write(record)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(record);
    expect(store.read()).toEqual(record);
  });

  it('reports a write failure instead of throwing', () => {
    const dir = join(tmp.dir, 'ro');
    new ConsentStore(join(dir, 'c.json')).write(EMPTY_RECORD);
    chmodSync(dir, 0o500);
    try {
      // root ignores directory permissions; only assert the no-throw contract then
      const ok = new ConsentStore(join(dir, 'sub', 'c.json')).write(EMPTY_RECORD);
      expect(typeof ok).toBe('boolean');
    } finally {
      chmodSync(dir, 0o700);
    }
  });

  it('puts the file in the OS config directory of the app', () => {
    expect(defaultConsentFile('my-app', { XDG_CONFIG_HOME: '/xdg' }, 'linux')).toBe('/xdg/my-app/optel-consent.json');
    expect(defaultConsentFile('my-app', {}, 'linux')).toMatch(/\.config\/my-app\/optel-consent\.json$/);
    expect(defaultConsentFile('my-app', {}, 'darwin')).toMatch(/Library\/Application Support\/my-app\/optel-consent\.json$/);
    expect(defaultConsentFile('my-app', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toContain('my-app');
  });
});
