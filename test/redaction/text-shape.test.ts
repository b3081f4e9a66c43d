import { describe, expect, it } from 'vitest';
import { measureShape } from '../../src/redaction/text-shape.js';

describe('measureShape', () => {
  it('counts digits, digit groups, the longest token run, colons and dots in one pass', () => {
    const shape = { digits: 0, digitGroup: 0, longestRun: 0, colons: 0, dots: 0 };
    expect(measureShape('GET /api/v1:9 ab_c-d+e/f 1.2.3', shape)).toEqual({ digits: 5, digitGroup: 3, longestRun: 10, colons: 1, dots: 2 });
    expect(measureShape('call (415) 555-0110 x12', shape)).toEqual({ digits: 12, digitGroup: 10, longestRun: 8, colons: 0, dots: 0 });
    expect(measureShape('', shape)).toEqual({ digits: 0, digitGroup: 0, longestRun: 0, colons: 0, dots: 0 });
    expect(measureShape('é١٢ x', shape)).toEqual({ digits: 0, digitGroup: 0, longestRun: 1, colons: 0, dots: 0 });
  });

});
