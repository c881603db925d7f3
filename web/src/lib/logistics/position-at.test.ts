import { describe, expect, it } from 'vitest';
import { positionAt } from './position-at';

describe('positionAt', () => {
  const path: [number, number][] = [[19, 47], [19, 48], [19, 48], [20, 48]];
  const times = [0, 10, 20, 30];

  it('interpolates along the segment the van is on, and waits where a vertex repeats', () => {
    expect(positionAt(path, times, 5)).toEqual([19, 47.5]);
    expect(positionAt(path, times, 15)).toEqual([19, 48]);
    expect(positionAt(path, times, 25)).toEqual([19.5, 48]);
  });

  it('is at the depot before leaving and after returning', () => {
    expect(positionAt(path, times, -5)).toEqual([19, 47]);
    expect(positionAt(path, times, 99)).toEqual([20, 48]);
    expect(positionAt([], [], 3)).toBeNull();
  });
});
