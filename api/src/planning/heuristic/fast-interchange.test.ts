import { describe, expect, it } from 'vitest';
import { randomInstance } from '../random-instance.ts';
import { InterchangeState } from './fast-interchange.ts';
import { buildMedianData, medianCost, type MedianData } from './median-data.ts';
import { createRandom } from './random.ts';

function dataFor(seed: number, demand: number, candidates: number): MedianData {
  const instance = randomInstance(seed, { demand, candidates, maxWeight: 9 });
  return buildMedianData(instance.weights, instance.distances, candidates);
}

/** Every swap's profit by re-evaluating the plan from scratch. */
function bruteForceProfit(data: MedianData, state: InterchangeState, insert: number, slot: number): number {
  const sites = Array.from(state.open);
  const before = medianCost(data, sites);
  sites[slot] = insert;
  return before - medianCost(data, sites);
}

describe('InterchangeState', () => {
  it('prices every swap exactly as re-evaluating the plan would', () => {
    const data = dataFor(1, 40, 25);
    const state = new InterchangeState(data, [0, 5, 9, 14], []);
    const random = createRandom(3);
    for (let round = 0; round < 6; round += 1) {
      for (let f = 0; f < data.candidateCount; f += 1) {
        if (state.slotOf[f]! >= 0) continue;
        for (let slot = 0; slot < state.p; slot += 1) {
          const profit = state.gain[f]! - state.loss[state.open[slot]!]! + state.extra[f * state.p + slot]!;
          expect(profit).toBeCloseTo(bruteForceProfit(data, state, f, slot), 6);
        }
      }
      // Move on by a random swap: the bookkeeping must stay exact after incremental updates.
      let insert = random.int(data.candidateCount);
      while (state.slotOf[insert]! >= 0) insert = random.int(data.candidateCount);
      state.swap(insert, random.int(state.p));
      expect(state.objective).toBeCloseTo(medianCost(data, Array.from(state.open)), 6);
    }
  });

  it('finds the best swap whichever way it scans (dense table or sparse ranges)', () => {
    for (const [p, seed] of [[3, 2], [12, 4]] as const) {
      const data = dataFor(seed, 60, 30);
      const state = new InterchangeState(data, Array.from({ length: p }, (_, index) => index * 2), []);
      let bestProfit = -Infinity;
      for (let f = 0; f < 30; f += 1) {
        if (state.slotOf[f]! >= 0) continue;
        for (let slot = 0; slot < p; slot += 1) bestProfit = Math.max(bestProfit, bruteForceProfit(data, state, f, slot));
      }
      expect(state.bestSwap().profit).toBeCloseTo(bestProfit, 6);
    }
  });

  it('descends to a local optimum: no single swap improves afterwards', () => {
    const data = dataFor(5, 50, 30);
    const state = new InterchangeState(data, [0, 1, 2, 3, 4], []);
    const start = state.objective;
    state.localSearch();
    expect(state.objective).toBeLessThan(start);
    for (let f = 0; f < 30; f += 1) {
      if (state.slotOf[f]! >= 0) continue;
      for (let slot = 0; slot < 5; slot += 1) expect(bruteForceProfit(data, state, f, slot)).toBeLessThanOrEqual(1e-9);
    }
  });

  it('never swaps out a fixed site', () => {
    const data = dataFor(6, 40, 20);
    const state = new InterchangeState(data, [19, 0, 1], [19]);
    state.localSearch();
    expect(Array.from(state.open)).toContain(19);
    expect(Array.from(state.swappableSlots)).not.toContain(state.slotOf[19]);
  });
});
