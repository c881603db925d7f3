import { describe, expect, it } from 'vitest';
import { detourDistanceMatrix } from './detour-distance-matrix.ts';

describe('detourDistanceMatrix', () => {
  it('scales great-circle kilometres by the detour factor', () => {
    const budapest = { lon: 19.0402, lat: 47.4979 };
    const debrecen = { lon: 21.6273, lat: 47.5316 };
    const [self, across] = detourDistanceMatrix([budapest], [budapest, debrecen], 1.3);
    expect(self).toBe(0);
    // About 194.5 km as the crow flies.
    expect(across! / 1.3).toBeCloseTo(194.5, 0);
  });
});
