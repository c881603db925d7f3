import type { ProblemData } from '../model.ts';
import type { Rng } from '../rng.ts';
import type { Solution } from '../solution.ts';

/**
 * Randomised sweep (Gillett and Miller 1974): clients ordered by polar angle around their vehicles'
 * depot from a random starting angle, cut into routes as each vehicle fills (to a random share of
 * its capacity, so two sweeps differ in more than rotation). Routes are spatially coherent, so
 * the local search that follows has far less to undo than after a uniformly random assignment.
 */
export function sweepSolution(data: ProblemData, rng: Rng): Solution {
  const vehicles: number[] = [];
  data.vehicleTypes.forEach((type, index) => {
    for (let copy = 0; copy < type.count; copy += 1) vehicles.push(index);
  });
  rng.shuffle(vehicles);
  const depot = data.vehicleTypes[vehicles[0]!]!.startDepot;
  const offset = rng.nextFloat() * 2 * Math.PI;
  const direction = rng.nextInt(2) === 0 ? 1 : -1;
  const angles = new Float64Array(data.numClients);
  const order: number[] = [];
  for (let client = 0; client < data.numClients; client += 1) {
    const location = data.numDepots + client;
    const angle = Math.atan2(data.y[location]! - data.y[depot]!, data.x[location]! - data.x[depot]!);
    angles[client] = (((direction * angle - offset) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
    order.push(client);
  }
  order.sort((a, b) => angles[a]! - angles[b]! || a - b);

  const fill = 0.8 + 0.2 * rng.nextFloat();
  const routes: Solution['routes'] = [];
  let current: number[] = [];
  let load = 0;
  let vehicle = 0;
  for (const client of order) {
    const demand = Math.max(data.delivery[data.numDepots + client]!, data.pickup[data.numDepots + client]!);
    const capacity = data.vehicleTypes[vehicles[vehicle]!]!.capacity;
    // The last vehicle takes whatever is left; the penalties then spread it out.
    if (current.length > 0 && load + demand > fill * capacity && vehicle < vehicles.length - 1) {
      routes.push({ vehicleType: vehicles[vehicle]!, clients: current });
      vehicle += 1;
      current = [];
      load = 0;
    }
    current.push(client);
    load += demand;
  }
  if (current.length > 0) routes.push({ vehicleType: vehicles[vehicle]!, clients: current });
  return { routes };
}
