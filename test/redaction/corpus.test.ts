import { describe, expect, it } from 'vitest';
import { Scrubber } from '../../src/redaction/scrubber.js';
import { benignLines, secretLines } from './corpus.js';

/** The share of secret lines whose every secret was removed, and of benign lines left byte-identical. */
export function corpusFigures(scrubber = new Scrubber()): { recall: number; intact: number; missed: string[]; damaged: string[] } {
  const secrets = secretLines();
  const benign = benignLines();
  const missed = secrets.filter((l) => l.secrets.some((s) => scrubber.scrubText(l.text).includes(s))).map((l) => l.text);
  const damaged = benign.filter((b) => scrubber.scrubText(b) !== b);
  return { recall: 1 - missed.length / secrets.length, intact: 1 - damaged.length / benign.length, missed, damaged };
}

describe('redaction corpora', () => {
  it('has a few hundred lines a side', () => {
    expect(secretLines().length).toBeGreaterThanOrEqual(150);
    expect(benignLines().length).toBeGreaterThanOrEqual(150);
  });

  it('removes >= 99.5% of the secret lines\' secrets and leaves >= 98% of benign lines intact', () => {
    const f = corpusFigures();
    console.log(`redaction corpora: recall ${(f.recall * 100).toFixed(1)}% of ${secretLines().length} secret lines, ${(f.intact * 100).toFixed(1)}% of ${benignLines().length} benign lines intact`);
    expect(f.missed, 'secrets that survived').toEqual([]);
    expect(f.damaged, 'benign lines changed').toEqual([]);
    expect(f.recall).toBeGreaterThanOrEqual(0.995);
    expect(f.intact).toBeGreaterThanOrEqual(0.98);
  });
});
