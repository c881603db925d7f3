import type { ProblemData } from '../model.ts';
import type { Rng } from '../rng.ts';
import type { Solution } from '../solution.ts';

/**
 * Clients spread at random over about as many routes as the total demand needs (plus a margin),
 * on vehicles drawn at random from the fleet. A starting point for the local search, not a plan.
 */
export function randomSolution(data: ProblemData, rng: Rng): Solution {
  let demand = 0;
  for (let location = data.numDepots; location < data.numLocations; location += 1) {
    demand += Math.max(data.delivery[location]!, data.pickup[location]!);
  }
  const vehicles: number[] = [];
  let capacity = 0;
  data.vehicleTypes.forEach((type, index) => {
    for (let copy = 0; copy < type.count; copy += 1) vehicles.push(index);
    capacity += type.count * type.capacity;
  });
  const meanCapacity = capacity / vehicles.length;
  const wanted = meanCapacity > 0 ? Math.ceil((1.2 * demand) / meanCapacity) + 1 : 1;
  const count = Math.max(1, Math.min(vehicles.length, data.numClients, wanted));
  rng.shuffle(vehicles);
  const routes = Array.from({ length: count }, (_, index) => ({ vehicleType: vehicles[index]!, clients: [] as number[] }));
  for (let client = 0; client < data.numClients; client += 1) routes[rng.nextInt(count)]!.clients.push(client);
  return { routes };
}
