import type { RoutePlace, UnroutableStop } from '@terep/db';
import type { ProblemInput } from '../routing/model.ts';
import type { TravelMatrix } from '../travel/travel-matrix.ts';
import { LogisticsError } from './logistics-error.ts';
import type { CheckedRouteRequest } from './route-request.ts';

/**
 * The solver's units: whole metres and whole seconds. Integer matrices keep every sum exact, so
 * the checker's recomputation and the windows agree with the solver to the second.
 */
export const METRES_PER_KM = 1000;
export const SECONDS_PER_MINUTE = 60;

/**
 * Where the network has no path between two reachable points (a one-way dead end, say): far
 * longer than any real trip, so the search avoids it, yet finite, so costs stay comparable.
 */
export const NO_PATH = 1e9;

export interface RouteProblem {
  input: ProblemInput;
  /** For each solver client, the index of its stop in the request. */
  clientStops: number[];
  unroutable: UnroutableStop[];
}

/**
 * Turns a checked request, its places and the travel matrix over them (depots first, then stops,
 * in request order, as origins and destinations alike) into the solver's problem. Stops the
 * matrix cannot place, or that no van can reach from its depot and leave again, are left out and
 * reported by name; an unplaceable depot stops the request.
 */
export function buildRouteProblem(request: CheckedRouteRequest, depots: readonly RoutePlace[], stops: readonly RoutePlace[], matrix: TravelMatrix): RouteProblem {
  const size = depots.length + stops.length;
  if (matrix.origins !== size || matrix.destinations !== size) throw new Error(`the travel matrix is ${matrix.origins}x${matrix.destinations}, expected ${size}x${size}`);
  const offNetwork = new Set([...matrix.unroutable.origins, ...matrix.unroutable.destinations]);
  depots.forEach((depot, index) => {
    if (offNetwork.has(index)) throw new LogisticsError('DEPOT_UNROUTABLE', `The depot "${depot.name}" is not on the road network; choose another depot or load a network that covers it.`, { depot: depot.name });
  });

  const usedEnds = request.fleet.filter((vehicle) => vehicle.count > 0).map((vehicle) => [vehicle.depot, vehicle.endDepot] as const);
  const reachable = (location: number) =>
    usedEnds.some(([start, end]) => Number.isFinite(matrix.distanceKm[start * size + location]!) && Number.isFinite(matrix.distanceKm[location * size + end]!));
  const unroutable: UnroutableStop[] = [];
  const kept: number[] = [];
  request.stops.forEach((stop, index) => {
    const location = depots.length + index;
    const name = stops[index]!.name;
    if (offNetwork.has(location)) unroutable.push({ stop: stop.index, name, reason: 'off-network' });
    else if (!reachable(location)) unroutable.push({ stop: stop.index, name, reason: 'no-path' });
    else kept.push(index);
  });

  const locations = [...depots.map((_, index) => index), ...kept.map((index) => depots.length + index)];
  const count = locations.length;
  const distances = new Float64Array(count * count);
  const durations = new Float64Array(count * count);
  locations.forEach((from, row) => {
    locations.forEach((to, column) => {
      const km = matrix.distanceKm[from * size + to]!;
      const minutes = matrix.durationMin[from * size + to]!;
      distances[row * count + column] = Number.isFinite(km) ? Math.round(km * METRES_PER_KM) : NO_PATH;
      durations[row * count + column] = Number.isFinite(minutes) ? Math.round(minutes * SECONDS_PER_MINUTE) : NO_PATH;
    });
  });

  const seconds = (minutes: number) => minutes * SECONDS_PER_MINUTE;
  return {
    input: {
      name: 'route request',
      depots: depots.map((depot) => ({ name: depot.name })),
      clients: kept.map((index) => {
        const stop = request.stops[index]!;
        return {
          name: stops[index]!.name,
          delivery: stop.delivery,
          pickup: stop.pickup,
          serviceDuration: seconds(stop.serviceMinutes),
          ...(stop.window ? { twEarly: seconds(stop.window[0]), twLate: seconds(stop.window[1]) } : {}),
        };
      }),
      vehicleTypes: request.fleet.map((vehicle) => ({
        name: vehicle.name,
        count: vehicle.count,
        capacity: vehicle.capacity,
        startDepot: vehicle.depot,
        endDepot: vehicle.endDepot,
        twEarly: seconds(vehicle.shift[0]),
        twLate: seconds(vehicle.shift[1]),
        maxDuration: seconds(vehicle.maxDurationMinutes),
        unitDistanceCost: vehicle.costPerKm / METRES_PER_KM,
      })),
      distances,
      durations,
    },
    clientStops: kept.map((index) => request.stops[index]!.index),
    unroutable,
  };
}

/** The same problem without some of its clients (those no van can serve), matrices cut to match. */
export function withoutClients(problem: RouteProblem, clients: readonly number[]): RouteProblem {
  if (clients.length === 0) return problem;
  const dropped = new Set(clients);
  const { input } = problem;
  const numDepots = input.depots.length;
  const size = numDepots + input.clients.length;
  const keptClients = input.clients.map((_, client) => client).filter((client) => !dropped.has(client));
  const locations = [...input.depots.map((_, depot) => depot), ...keptClients.map((client) => numDepots + client)];
  const cut = (matrix: Float64Array) => {
    const result = new Float64Array(locations.length * locations.length);
    locations.forEach((from, row) => locations.forEach((to, column) => (result[row * locations.length + column] = matrix[from * size + to]!)));
    return result;
  };
  return {
    input: {
      ...input,
      clients: keptClients.map((client) => input.clients[client]!),
      distances: cut(input.distances),
      durations: cut(input.durations ?? input.distances),
    },
    clientStops: keptClients.map((client) => problem.clientStops[client]!),
    unroutable: problem.unroutable,
  };
}
