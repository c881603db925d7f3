import type { ProblemData } from './model.ts';
import type { Solution } from './solution.ts';
import { PLAIN_TIME, type TimeFormat } from './time-format.ts';

/**
 * Recomputes cost and feasibility of a solution from its route lists and the problem data alone,
 * by plain simulation. It shares no code with the solver (no segment concatenation, no cached
 * route data), so a solver bug cannot hide behind the same bug in its own bookkeeping.
 */

export interface RouteCheck {
  vehicleType: number;
  clients: number;
  distance: number;
  /** Shortest possible duration: departure delayed as far as the windows allow, so waiting is only what the windows force. */
  duration: number;
  maxLoad: number;
  /** Earliest-departure schedule: departure from the start depot and arrival at the end depot. */
  departure: number;
  arrival: number;
  cost: number;
}

export interface CheckReport {
  feasible: boolean;
  cost: number;
  distance: number;
  routes: RouteCheck[];
  /** One sentence per broken rule, naming the route and the client. */
  /** In English, one sentence each. */
  violations: string[];
  /** The same violations as codes and values, in the same order, for clients that word them. */
  violationReasons: { code: string; params: Record<string, string | number> }[];
}

const EPSILON = 1e-9;

/** `format` only changes how the violations write times and durations. */
export function checkSolution(data: ProblemData, solution: Solution, format: TimeFormat = PLAIN_TIME): CheckReport {
  const violations: string[] = [];
  const violationReasons: CheckReport['violationReasons'] = [];
  const violate = (code: string, params: Record<string, string | number>, text: string): void => {
    violations.push(text);
    violationReasons.push({ code, params });
  };
  const visits = new Int32Array(data.numClients);
  const usedPerType = new Int32Array(data.vehicleTypes.length);
  const routes: RouteCheck[] = [];
  let cost = 0;
  let distance = 0;
  const matrixSize = data.numLocations;

  solution.routes.forEach((route, routeIndex) => {
    const label = `route ${routeIndex + 1}`;
    const type = data.vehicleTypes[route.vehicleType];
    if (!type) {
      violate('unknown-vehicle-type', { route: routeIndex + 1, vehicleType: route.vehicleType }, `${label} uses vehicle type ${route.vehicleType}, which does not exist`);
      return;
    }
    if (route.clients.length === 0) return;
    usedPerType[route.vehicleType]! += 1;

    let load = 0;
    for (const client of route.clients) {
      if (!Number.isInteger(client) || client < 0 || client >= data.numClients) {
        violate('unknown-client', { route: routeIndex + 1, client }, `${label} visits client ${client}, which does not exist`);
        return;
      }
      visits[client]! += 1;
      load += data.delivery[data.numDepots + client]!;
    }
    let maxLoad = load;
    for (const client of route.clients) {
      const location = data.numDepots + client;
      load += data.pickup[location]! - data.delivery[location]!;
      maxLoad = Math.max(maxLoad, load);
    }
    if (maxLoad > type.capacity + EPSILON) violate('over-capacity', { route: routeIndex + 1, load: maxLoad, capacity: type.capacity }, `${label} carries ${maxLoad}, above its capacity ${type.capacity}`);

    const startDepot = type.startDepot;
    const endDepot = type.endDepot;
    const departure = Math.max(data.twEarly[startDepot]!, type.twEarly);
    const latestDeparture = Math.min(data.twLate[startDepot]!, type.twLate);
    let time = departure;
    let routeDistance = 0;
    let previous = startDepot;
    let waitingSoFar = 0;
    // How far departure could move later without breaking a window reached on time.
    let forwardSlack = latestDeparture - departure;
    for (const client of route.clients) {
      const location = data.numDepots + client;
      routeDistance += data.distance[previous * matrixSize + location]!;
      const arrival = time + data.duration[previous * matrixSize + location]!;
      const start = Math.max(arrival, data.twEarly[location]!);
      if (start > data.twLate[location]! + EPSILON) {
        const [stop, at, closes] = [data.names[location]!, format.time(start), format.time(data.twLate[location]!)];
        violate('late-service', { route: routeIndex + 1, stop, at, closes }, `${label} starts service at "${stop}" at ${at}, after its window closes at ${closes}`);
      }
      // Waiting here absorbs a later departure too, before this window can be missed.
      waitingSoFar += start - arrival;
      forwardSlack = Math.min(forwardSlack, waitingSoFar + (data.twLate[location]! - start));
      time = start + data.serviceDuration[location]!;
      previous = location;
    }
    routeDistance += data.distance[previous * matrixSize + endDepot]!;
    const arrival = time + data.duration[previous * matrixSize + endDepot]!;
    const closing = Math.min(data.twLate[endDepot]!, type.twLate);
    if (arrival > closing + EPSILON) violate('late-return', { route: routeIndex + 1, at: format.time(arrival), closes: format.time(closing) }, `${label} returns at ${format.time(arrival)}, after the shift or depot closes at ${format.time(closing)}`);
    forwardSlack = Math.min(forwardSlack, waitingSoFar + (closing - arrival));
    const duration = arrival - departure - Math.max(0, Math.min(waitingSoFar, forwardSlack));
    if (duration > type.maxDuration + EPSILON) violate('too-long', { route: routeIndex + 1, minutes: format.amount(duration), maxMinutes: format.amount(type.maxDuration) }, `${label} lasts ${format.duration(duration)}, above the maximum ${format.duration(type.maxDuration)}`);

    const routeCost = type.fixedCost + type.unitDistanceCost * routeDistance + type.unitDurationCost * duration;
    cost += routeCost;
    distance += routeDistance;
    routes.push({ vehicleType: route.vehicleType, clients: route.clients.length, distance: routeDistance, duration, maxLoad, departure, arrival, cost: routeCost });
  });

  usedPerType.forEach((used, typeIndex) => {
    const type = data.vehicleTypes[typeIndex]!;
    if (used > type.count) violate('too-many-routes', { routes: used, vehicle: type.name, count: type.count }, `${used} routes use vehicle type "${type.name}", which has only ${type.count} vehicles`);
  });
  const missing: string[] = [];
  visits.forEach((count, client) => {
    const name = data.names[data.numDepots + client]!;
    if (count === 0) missing.push(`"${name}"`);
    if (count > 1) violate('visited-repeatedly', { stop: name, count }, `client "${name}" is visited ${count} times`);
  });
  if (missing.length > 0) {
    const names = `${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', ...' : ''}`;
    violate('not-visited', { count: missing.length, stops: names }, `${missing.length} clients are not visited: ${names}`);
  }

  return { feasible: violations.length === 0, cost, distance, routes, violations, violationReasons };
}
