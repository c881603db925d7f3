import { describe, expect, it } from 'vitest';
import { buildCandidateOrder } from './candidate-order.ts';

describe('buildCandidateOrder', () => {
  it('sorts each row by exact distance, ties by candidate index', () => {
    // 1 + 1e-12 and 1 share a float32 key: the insertion pass must still order them exactly.
    const distances = Float64Array.from([3, 1 + 1e-12, 1, 0, 1, 2, 2, 2]);
    const { order, sortedDistance } = buildCandidateOrder(distances, 2, 4);
    expect(Array.from(order.subarray(0, 4))).toEqual([3, 2, 1, 0]);
    expect(Array.from(sortedDistance.subarray(0, 4))).toEqual([0, 1, 1 + 1e-12, 3]);
    expect(Array.from(order.subarray(4))).toEqual([0, 1, 2, 3]);
  });
});
