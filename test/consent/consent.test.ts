import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Consent } from '../../src/consent/consent.js';
import { ConsentStore } from '../../src/consent/store.js';
import { tempDir, writeConsent } from '../helpers/temp.js';

const tmp = tempDir();
let n = 0;
const cats = ['a', 'b', 'c'];
function consent(initial?: Record<string, boolean>, forcedOff?: { variable: string; value: string }): Consent {
  const file = join(tmp.dir, `c${n++}.json`);
  if (initial) writeConsent(file, initial);
  return new Consent(cats, new ConsentStore(file), forcedOff);
}

describe('Consent', () => {
  it('is off by default', () => {
    const c = consent();
    expect(cats.map((x) => c.isGranted(x))).toEqual([false, false, false]);
    expect(c.anyGranted()).toBe(false);
  });

  it('reads per-category grants from the file', () => {
    const c = consent({ a: true, b: false });
    expect(c.grantedCategories()).toEqual(['a']);
  });

  it('grants and revokes, persists, and keeps a history', () => {
    const c = consent();
    c.grant(['a', 'b']);
    c.revoke(['a']);
    expect(c.grantedCategories()).toEqual(['b']);
    const again = new Consent(cats, new ConsentStore(c.status().file), undefined);
    expect(again.grantedCategories()).toEqual(['b']);
    expect(again.persisted().history.map((h) => `${h.action}:${h.categories.join(',')}`)).toEqual(['grant:a,b', 'revoke:a']);
  });

  it('grants or revokes everything when no category is named', () => {
    const c = consent();
    c.grant();
    expect(c.grantedCategories()).toEqual(cats);
    c.revoke();
    expect(c.anyGranted()).toBe(false);
  });

  it('bumps the epoch of a category on each revoke', () => {
    const c = consent({ a: true });
    expect(c.epoch('a')).toBe(0);
    c.revoke(['a']);
    c.grant(['a']);
    expect(c.epoch('a')).toBe(1);
    expect(c.isGranted('a')).toBe(true);
  });

  it('notifies listeners of effective changes only, and survives a throwing listener', () => {
    const c = consent();
    const seen: string[] = [];
    c.onChange(() => {
      throw new Error('listener bug');
    });
    c.onChange((ch) => seen.push(`+${ch.granted.join(',')} -${ch.revoked.join(',')}`));
    c.grant(['a']);
    c.grant(['a']);
    c.revoke(['a', 'b']);
    expect(seen).toEqual(['+a -', '+ -a']);
  });

  it('ignores unknown categories', () => {
    const c = consent();
    c.grant(['zzz']);
    expect(c.anyGranted()).toBe(false);
  });

  it('an environment override keeps everything off and says why', () => {
    const c = consent({ a: true }, { variable: 'DO_NOT_TRACK', value: '1' });
    c.grant();
    expect(c.anyGranted()).toBe(false);
    expect(c.status().categories.a).toEqual({ granted: false, reason: 'forced-off', forcedBy: 'DO_NOT_TRACK' });
  });

  it('a revoke the disk refuses applies in this process anyway, says so, and the file cannot grant it back', () => {
    const c = consent({ a: true, b: true });
    const file = c.status().file;
    // Where the file should be replaced there is a directory: every write fails (even as root).
    rmSync(file);
    mkdirSync(file);
    expect(c.revoke(['a'])).toBe(false);
    expect(c.isGranted('a')).toBe(false);
    expect(c.isGranted('b')).toBe(true);
    c.reload();
    expect(c.isGranted('a')).toBe(false);
    // A grant made here later wins again (it is the user's latest word, even unwritten).
    expect(c.grant(['a'])).toBe(false);
    expect(c.isGranted('a')).toBe(true);
  });

  it('reload() picks up a change made by another process', () => {
    const c = consent();
    writeConsent(c.status().file, { c: true });
    c.reload();
    expect(c.grantedCategories()).toEqual(['c']);
  });
});

describe('Consent.watch', () => {
  it('sees a change written by another process, even one written right after watching began', async () => {
    const c = consent();
    const stop = c.watch(20);
    writeConsent(c.status().file, { b: true }); // before the first poll: fs.watchFile would miss this
    const until = Date.now() + 3000;
    while (!c.isGranted('b') && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    stop();
    expect(c.isGranted('b')).toBe(true);
  });
});
