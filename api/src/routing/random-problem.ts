import { createProblemData, type ClientInput, type ProblemData, type VehicleTypeInput } from './model.ts';
import { Rng } from './rng.ts';

export interface RandomProblemOptions {
  clients: number;
  depots?: number;
  /** Windows of random width at every client, a shift per vehicle type and a duration limit. */
  timeWindows?: boolean;
  /** Some clients collect as well as receive. */
  pickups?: boolean;
  /** Vehicle types with different capacities, costs, depots and shifts. */
  mixedFleet?: boolean;
  /** Distances differ by direction (one-way streets). */
  asymmetric?: boolean;
}

/**
 * A reproducible random problem on a 100 x 100 square with integer distances, for tests and
 * experiments that need every model feature at once. Not a benchmark: nothing about it is hard.
 */
export function randomProblem(seed: number, options: RandomProblemOptions): ProblemData {
  const rng = new Rng(seed);
  const depotCount = options.depots ?? 1;
  const points: Array<[number, number]> = [];
  for (let index = 0; index < depotCount + options.clients; index += 1) points.push([rng.nextInt(101), rng.nextInt(101)]);
  const size = points.length;
  const distances = new Float64Array(size * size);
  for (let from = 0; from < size; from += 1) {
    for (let to = 0; to < size; to += 1) {
      const [x1, y1] = points[from]!;
      const [x2, y2] = points[to]!;
      const base = Math.round(Math.hypot(x1 - x2, y1 - y2));
      distances[from * size + to] = options.asymmetric && from !== to ? base + rng.nextInt(8) : base;
    }
  }
  const horizon = 1000;
  const clients: ClientInput[] = [];
  for (let client = 0; client < options.clients; client += 1) {
    const [x, y] = points[depotCount + client]!;
    const input: ClientInput = { name: `client ${client + 1}`, x, y, delivery: 1 + rng.nextInt(10), serviceDuration: options.timeWindows ? 5 + rng.nextInt(10) : 0 };
    if (options.pickups && rng.nextInt(3) === 0) input.pickup = 1 + rng.nextInt(10);
    if (options.timeWindows) {
      const start = rng.nextInt(horizon - 200);
      input.twEarly = start;
      input.twLate = start + 50 + rng.nextInt(300);
    }
    clients.push(input);
  }
  const vehicleTypes: VehicleTypeInput[] = options.mixedFleet
    ? [
        { name: 'van', count: 3, capacity: 30, startDepot: 0, endDepot: 0, unitDistanceCost: 1, fixedCost: 20 },
        { name: 'truck', count: 2, capacity: 60, startDepot: depotCount - 1, endDepot: 0, unitDistanceCost: 2, fixedCost: 50, unitDurationCost: 0.1 },
      ]
    : [{ count: Math.max(2, Math.ceil(options.clients / 6)), capacity: 40 }];
  if (options.timeWindows) {
    for (const type of vehicleTypes) {
      type.twEarly = rng.nextInt(50);
      type.twLate = horizon + rng.nextInt(100);
      type.maxDuration = 600 + rng.nextInt(300);
    }
  }
  return createProblemData({
    name: `random-${seed}`,
    depots: points.slice(0, depotCount).map(([x, y], depot) => ({ name: `depot ${depot + 1}`, x, y, twEarly: 0, twLate: options.timeWindows ? horizon + 50 : undefined })),
    clients,
    vehicleTypes,
    distances,
  });
}
