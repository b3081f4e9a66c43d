import { join } from 'node:path';
import { expect, it } from 'vitest';
import { InstallationId } from '../../src/userdata/installation-id.js';
import { tempDir } from '../helpers/temp.js';

const tmp = tempDir();

it('is random, stable until reset, remembers whether it left, and is replaced by an unrelated one', () => {
  const id = new InstallationId(join(tmp.dir, 'id.json'));
  const first = id.getOrCreate();
  expect(first).toMatch(/^[0-9a-f-]{36}$/);
  expect(id.getOrCreate()).toBe(first);
  expect(id.reset()).toEqual({ oldId: first, wasSent: false });
  const second = id.getOrCreate();
  expect(second).not.toBe(first);
  id.markSent();
  expect(new InstallationId(join(tmp.dir, 'id.json')).current()?.sentAt).toBeTruthy();
  expect(id.reset()).toEqual({ oldId: second, wasSent: true });
  expect(id.reset()).toBeUndefined();
});
