import { describe, expect, it } from 'vitest';
import { largestStrongComponent } from './largest-strong-component.ts';

describe('largestStrongComponent', () => {
  it('keeps the cycle and leaves out a one-way stub that cannot be left', () => {
    // 0 <-> 1 <-> 2 <-> 0 is a cycle; 2 -> 3 is a one-way stub; 4 is alone.
    const arcs = [[0, 1], [1, 0], [1, 2], [2, 1], [2, 0], [0, 2], [2, 3]];
    const marked = largestStrongComponent(5, Int32Array.from(arcs, (arc) => arc[0]!), Int32Array.from(arcs, (arc) => arc[1]!));
    expect([...marked]).toEqual([1, 1, 1, 0, 0]);
  });

  it('handles a long one-way ring without recursion', () => {
    const n = 200_000;
    const from = Int32Array.from({ length: n }, (_, node) => node);
    const to = Int32Array.from({ length: n }, (_, node) => (node + 1) % n);
    expect(largestStrongComponent(n, from, to).every((mark) => mark === 1)).toBe(true);
  });
});
