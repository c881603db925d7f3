import type { ProblemData } from '../model.ts';
import type { Rng } from '../rng.ts';
import type { Solution } from '../solution.ts';

export interface SavingsOptions {
  /** Only join a client to one of its listed neighbours: O(n g log) instead of O(n^2 log). */
  neighbours?: Int32Array[];
  /** With `noise` > 0, each saving is scaled by a random factor in [1 - noise, 1 + noise]: a different plan per draw. */
  rng?: Rng;
  noise?: number;
}

/**
 * Clarke and Wright (1964) parallel savings: start with one route per client and merge the route
 * ending at i with the route starting at j in order of decreasing saving d(0,i) + d(j,0) - d(i,j),
 * as long as the merged route fits the largest vehicle's capacity (peak load, so pickups count)
 * and reaches every window in time. The fleet size is not enforced here; routes are then given
 * vehicle types largest load first, and any surplus is left for the search's penalties to absorb.
 */
export function savingsSolution(data: ProblemData, options: SavingsOptions = {}): Solution {
  const typeIndex = largestType(data);
  const type = data.vehicleTypes[typeIndex]!;
  const depot = type.startDepot;
  const end = type.endDepot;
  const size = data.numLocations;
  const numDepots = data.numDepots;
  const n = data.numClients;

  const routes: Array<number[] | null> = [];
  const routeOf = new Int32Array(n);
  for (let client = 0; client < n; client += 1) {
    routes.push([client]);
    routeOf[client] = client;
  }

  const savings: Array<{ from: number; to: number; value: number }> = [];
  const { neighbours, rng, noise = 0 } = options;
  const add = (from: number, to: number): void => {
    const a = numDepots + from;
    const b = numDepots + to;
    let value = data.distance[a * size + end]! + data.distance[depot * size + b]! - data.distance[a * size + b]!;
    if (rng && noise > 0) value *= 1 + noise * (2 * rng.nextFloat() - 1);
    if (value > 0) savings.push({ from, to, value });
  };
  for (let from = 0; from < n; from += 1) {
    if (neighbours) {
      // Both directions, since the lists are one-way.
      for (const location of neighbours[numDepots + from]!) {
        add(from, location - numDepots);
        add(location - numDepots, from);
      }
    } else {
      for (let to = 0; to < n; to += 1) if (from !== to) add(from, to);
    }
  }
  savings.sort((first, second) => second.value - first.value || first.from - second.from || first.to - second.to);

  for (const { from, to } of savings) {
    const first = routes[routeOf[from]!];
    const second = routes[routeOf[to]!];
    if (!first || !second || first === second) continue;
    if (first[first.length - 1] !== from || second[0] !== to) continue;
    const merged = first.concat(second);
    if (!fits(data, typeIndex, merged)) continue;
    const keep = routeOf[from]!;
    routes[keep] = merged;
    routes[routeOf[to]!] = null;
    for (const client of second) routeOf[client] = keep;
  }

  const built = routes.filter((route): route is number[] => route !== null);
  built.sort((a, b) => peakLoad(data, b) - peakLoad(data, a));
  // Largest loads take the largest vehicles.
  const vehicles: number[] = [];
  data.vehicleTypes.forEach((vehicleType, index) => {
    for (let copy = 0; copy < vehicleType.count; copy += 1) vehicles.push(index);
  });
  vehicles.sort((a, b) => data.vehicleTypes[b]!.capacity - data.vehicleTypes[a]!.capacity);
  return { routes: built.map((clients, index) => ({ vehicleType: vehicles[index] ?? typeIndex, clients })) };
}

function largestType(data: ProblemData): number {
  let best = 0;
  data.vehicleTypes.forEach((type, index) => {
    if (type.count > 0 && (data.vehicleTypes[best]!.count === 0 || type.capacity > data.vehicleTypes[best]!.capacity)) best = index;
  });
  return best;
}

function peakLoad(data: ProblemData, clients: number[]): number {
  let load = 0;
  for (const client of clients) load += data.delivery[data.numDepots + client]!;
  let peak = load;
  for (const client of clients) {
    load += data.pickup[data.numDepots + client]! - data.delivery[data.numDepots + client]!;
    peak = Math.max(peak, load);
  }
  return peak;
}

function fits(data: ProblemData, typeIndex: number, clients: number[]): boolean {
  const type = data.vehicleTypes[typeIndex]!;
  if (peakLoad(data, clients) > type.capacity) return false;
  const size = data.numLocations;
  let previous = type.startDepot;
  const departure = Math.max(data.twEarly[previous]!, type.twEarly);
  let time = departure;
  for (const client of clients) {
    const location = data.numDepots + client;
    time = Math.max(time + data.duration[previous * size + location]!, data.twEarly[location]!);
    if (time > data.twLate[location]!) return false;
    time += data.serviceDuration[location]!;
    previous = location;
  }
  time += data.duration[previous * size + type.endDepot]!;
  return time <= Math.min(data.twLate[type.endDepot]!, type.twLate) && time - departure <= type.maxDuration;
}
