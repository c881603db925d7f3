import { describe, expect, it } from 'vitest';
import { createProblemData } from '../model.ts';
import { computeNeighbours } from '../search/neighbourhood.ts';
import { SearchContext } from '../search/search-context.ts';
import { arrange, itFollowsTheRouteOperatorContract, readPlan } from './operator-contract.ts';
import { SwapStar } from './swap-star.ts';

describe('SwapStar', () => {
  itFollowsTheRouteOperatorContract((context, arrangement) => new SwapStar(context, arrangement.routes.length));
  itFollowsTheRouteOperatorContract(
    (context, arrangement, data) =>
      new SwapStar(context, arrangement.routes.length, {
        neighbours: computeNeighbours(data, { size: 8, weightWaitTime: 0.2, weightTimeWarp: 1 }),
        nodeAt: arrangement.nodeOf,
      }),
    ', inserting only next to granular neighbours',
  );

  it('swaps two clients into better positions than each other\'s old place', () => {
    // Depot at 0 on a line; route A serves 10, 20, 95 and route B serves 90, 100, 15: 95 and 15 are
    // each in the other's territory, and neither fits where the other was.
    const xs = [0, 10, 20, 95, 90, 100, 15];
    const size = xs.length;
    const distances = new Float64Array(size * size);
    for (let from = 0; from < size; from += 1) for (let to = 0; to < size; to += 1) distances[from * size + to] = Math.abs(xs[from]! - xs[to]!);
    const data = createProblemData({
      depots: [{ name: 'depot', x: 0, y: 0 }],
      clients: xs.slice(1).map((x, index) => ({ name: `c${index + 1}`, x, y: 1, delivery: 1 })),
      vehicleTypes: [{ count: 2, capacity: 3 }],
      distances,
    });
    const penalties = { load: 100, timeWarp: 1 };
    const arrangement = arrange(data, penalties, [[1, 2, 3], [4, 5, 6]]);
    const operator = new SwapStar(new SearchContext(data, penalties), arrangement.routes.length);
    const [first, second] = arrangement.routes as [typeof arrangement.routes[0], typeof arrangement.routes[0]];
    expect(operator.evaluate(first, second)).toBeCloseTo(-(190 + 200 - 40 - 200), 6);
    operator.apply(first, second);
    // 15 joins 10 and 20, 95 joins 90 and 100 (on a line, either order inside a route costs the same).
    const plan = readPlan(arrangement.routes);
    expect([...plan[0]!].sort((a, b) => a - b)).toEqual([1, 2, 6]);
    expect([...plan[1]!].sort((a, b) => a - b)).toEqual([3, 4, 5]);
  });
});
