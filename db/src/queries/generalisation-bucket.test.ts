import { describe, expect, it } from 'vitest';
import { generalisationBucket } from './layers.ts';

describe('generalisationBucket', () => {
  it.each([
    [0, 0], [6, 0], [7, 7], [8, 8], [9, 8], [10, 10], [12, 12], [22, 12],
  ])('zoom %i uses the boundaries generalised for min zoom %i', (zoom, bucket) => {
    expect(generalisationBucket(zoom)).toBe(bucket);
  });
});
