import type { DistanceMethod, PlannedRoute, RoutePlace, RoutePlan, RouteVisit, UnroutableStop, UnservableStop } from '@terep/db';
import type { CheckReport } from '../routing/checker.ts';
import type { ProblemData } from '../routing/model.ts';
import type { Solution } from '../routing/solution.ts';
import { formatClockTime } from './clock-time.ts';
import { METRES_PER_KM, SECONDS_PER_MINUTE } from './route-problem.ts';
import type { CheckedRouteRequest } from './route-request.ts';
import { scheduleRoute } from './schedule-route.ts';
import { joinTimedLegs, type Vertex } from './timed-path.ts';

export interface RoutePlanParts {
  request: CheckedRouteRequest;
  depots: readonly RoutePlace[];
  /** Every stop of the request, in its order. */
  stops: readonly RoutePlace[];
  /** The problem solved, and for each of its clients the request's stop index. */
  data: ProblemData;
  clientStops: readonly number[];
  solution: Solution;
  check: CheckReport;
  /** Per route of the solution, the road geometry of each leg (depot → first stop, ..., last stop → depot). */
  legPaths: readonly (readonly Vertex[][])[];
  distanceMethod: DistanceMethod;
  unservable: UnservableStop[];
  unroutable: UnroutableStop[];
  solver: RoutePlan['solver'];
}

const minutes = (seconds: number) => seconds / SECONDS_PER_MINUTE;
const km = (metres: number) => metres / METRES_PER_KM;
/** Kilometres and money to the metre and the fillér: enough for people, free of float noise. */
const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** The answer of `POST /api/routes`: each route's timetable, loads, distances, cost and road path, with totals. */
export function buildRoutePlan(parts: RoutePlanParts): RoutePlan {
  const { request, data } = parts;
  const vehicleNames = nameVehicles(parts.solution.routes.map((route) => request.fleet[route.vehicleType]!), request.fleet);
  const routes = parts.solution.routes.map((route, routeIndex): PlannedRoute => {
    const vehicle = request.fleet[route.vehicleType]!;
    const schedule = scheduleRoute(data, route);
    const visits = schedule.visits.map((visit): RouteVisit => {
      const stop = parts.clientStops[visit.client]!;
      const window = request.stops[stop]!.input.window ?? null;
      return {
        stop,
        place: parts.stops[stop]!,
        arrival: formatClockTime(minutes(visit.arrival)),
        arrivalMinutes: round(minutes(visit.arrival), 3),
        start: formatClockTime(minutes(visit.start)),
        startMinutes: round(minutes(visit.start), 3),
        waitMinutes: round(minutes(visit.start - visit.arrival), 3),
        departure: formatClockTime(minutes(visit.departure)),
        departureMinutes: round(minutes(visit.departure), 3),
        delivery: data.delivery[data.numDepots + visit.client]!,
        pickup: data.pickup[data.numDepots + visit.client]!,
        loadAfter: visit.loadAfter,
        distanceKm: round(km(visit.distance), 3),
        window,
      };
    });
    const leaves = [schedule.departure, ...schedule.visits.map((visit) => visit.departure)];
    const arrives = [...schedule.visits.map((visit) => visit.arrival), schedule.return];
    const legs = parts.legPaths[routeIndex]!.map((path, leg) => ({ path, leave: minutes(leaves[leg]!), arrive: minutes(arrives[leg]!) }));
    const timed = joinTimedLegs(legs);
    return {
      vehicle: vehicleNames[routeIndex]!,
      vehicleType: route.vehicleType,
      capacity: vehicle.capacity,
      depot: parts.depots[vehicle.depot]!,
      endDepot: parts.depots[vehicle.endDepot]!,
      departure: formatClockTime(minutes(schedule.departure)),
      departureMinutes: round(minutes(schedule.departure), 3),
      return: formatClockTime(minutes(schedule.return)),
      returnMinutes: round(minutes(schedule.return), 3),
      loadAtDeparture: schedule.loadAtDeparture,
      maxLoad: schedule.maxLoad,
      visits,
      distanceKm: round(km(schedule.distance), 3),
      durationMinutes: round(minutes(schedule.duration), 3),
      cost: round(vehicle.costPerKm * km(schedule.distance), 2),
      path: timed.path,
      pathMinutes: timed.times.map((time) => round(time, 3)),
    };
  });
  const sum = (pick: (route: PlannedRoute) => number) => routes.reduce((total, route) => total + pick(route), 0);
  return {
    distanceMethod: parts.distanceMethod,
    feasible: parts.check.feasible,
    violations: parts.check.violations,
    violationReasons: parts.check.violationReasons,
    depots: [...parts.depots],
    routes,
    totals: {
      routes: routes.length,
      stops: sum((route) => route.visits.length),
      distanceKm: round(sum((route) => route.distanceKm), 3),
      durationMinutes: round(sum((route) => route.durationMinutes), 3),
      cost: round(sum((route) => route.cost), 2),
      delivery: sum((route) => route.visits.reduce((total, visit) => total + visit.delivery, 0)),
      pickup: sum((route) => route.visits.reduce((total, visit) => total + visit.pickup, 0)),
    },
    unservable: parts.unservable,
    unroutable: parts.unroutable,
    solver: parts.solver,
  };
}

/**
 * Each route's van by a name of its own: a kind's name alone when one van goes by it, numbered
 * ("Kisbusz 1", "Kisbusz 2") when the kind has several vans or kinds share a name, so no two
 * route sheets name the same van.
 */
export function nameVehicles(used: readonly { name: string }[], fleet: readonly { name: string; count: number }[]): string[] {
  const vansByName = new Map<string, number>();
  for (const kind of fleet) vansByName.set(kind.name, (vansByName.get(kind.name) ?? 0) + kind.count);
  const seen = new Map<string, number>();
  return used.map(({ name }) => {
    if ((vansByName.get(name) ?? 0) <= 1) return name;
    const ordinal = (seen.get(name) ?? 0) + 1;
    seen.set(name, ordinal);
    return `${name} ${ordinal}`;
  });
}
