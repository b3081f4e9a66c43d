import { describe, expect, it } from 'vitest';
import { NeedleIndex } from '../../src/redaction/needle-index.js';
import { mulberry32 } from '../helpers/prng.ts';

describe('NeedleIndex', () => {
  const index = new NeedleIndex([['pass', 'PASS'], ['eyJ'], ['-u', '--user'], []]);

  it('sets the bit of every slot with a needle in the text', () => {
    expect(index.scan('nothing here')).toBe(0);
    expect(index.scan('db PASSWORD set')).toBe(0b001);
    expect(index.scan('curl -u x eyJhbGci pass')).toBe(0b111);
    expect(index.scan('--user')).toBe(0b100);
  });

  it('finds needles that overlap, share prefixes or end the text', () => {
    const shared = new NeedleIndex([['abc'], ['abd'], ['b'], ['cd']]);
    expect(shared.scan('xabd')).toBe(0b0110);
    expect(shared.scan('abcd')).toBe(0b1101);
    expect(shared.scan('ab')).toBe(0b0100);
  });

  it('reads characters outside ASCII as one character, so a match after them is found and non-ASCII needles over-match', () => {
    expect(index.scan('pässword ünd pass')).toBe(0b001);
    expect(index.scan('pa\u00e9ss')).toBe(0);
    const wide = new NeedleIndex([['パスワード'], ['mot de passe']]);
    expect(wide.scan('パスワードを再設定')).toBe(0b01);
    expect(wide.scan('ログイン情報の確認')).toBe(0b01); // five non-ASCII characters: a superset, by design
    expect(wide.scan('mot de passe')).toBe(0b10);
    expect(wide.scan('password')).toBe(0);
  });

  it('is the same as includes() on random text', () => {
    const needles = [['ab', 'ba'], ['aab'], ['bbb', 'c'], ['ca', 'acb']];
    const idx = new NeedleIndex(needles);
    const rnd = mulberry32(7);
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: Math.floor(rnd() * 12) }, () => 'abc'[Math.floor(rnd() * 3)]).join('');
      const expected = needles.reduce((bits, list, slot) => (list.some((n) => text.includes(n)) ? bits | (1 << slot) : bits), 0);
      expect(idx.scan(text), text).toBe(expected);
    }
  });

  it('refuses needles it cannot hold', () => {
    expect(() => new NeedleIndex([['']])).toThrow(/non-empty/);
    expect(() => new NeedleIndex(Array.from({ length: 32 }, () => ['x']))).toThrow(/31/);
  });
});
