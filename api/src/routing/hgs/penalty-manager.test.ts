import { describe, expect, it } from 'vitest';
import { PenaltyManager } from './penalty-manager.ts';

const parameters = { targetFeasible: 0.4, window: 10, increase: 1.2, decrease: 0.85, repairBooster: 10 };

describe('PenaltyManager', () => {
  it('raises a weight when too few results respect its constraint, lowers it when too many do', () => {
    const manager = new PenaltyManager({ load: 10, timeWarp: 10 }, parameters);
    let changed = false;
    for (let result = 0; result < 10; result += 1) changed = manager.register(false, true);
    expect(changed).toBe(true);
    expect(manager.penalties.load).toBeCloseTo(12, 9);
    expect(manager.penalties.timeWarp).toBeCloseTo(8.5, 9);
  });

  it('keeps a weight near the target and boosts both for repairs', () => {
    const manager = new PenaltyManager({ load: 10, timeWarp: 2 }, parameters);
    for (let result = 0; result < 10; result += 1) manager.register(result < 4, result < 4);
    expect(manager.penalties).toEqual({ load: 10, timeWarp: 2 });
    expect(manager.boosted()).toEqual({ load: 100, timeWarp: 20 });
  });
});
