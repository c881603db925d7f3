import type { ProblemData } from '../routing/model.ts';
import type { SolutionRoute } from '../routing/solution.ts';

export interface ScheduledVisit {
  client: number;
  arrival: number;
  start: number;
  departure: number;
  /** On board when leaving. */
  loadAfter: number;
  /** From the previous location. */
  distance: number;
}

export interface RouteSchedule {
  departure: number;
  return: number;
  loadAtDeparture: number;
  maxLoad: number;
  visits: ScheduledVisit[];
  /** Back to the end depot from the last stop. */
  distanceBack: number;
  distance: number;
  duration: number;
}

/**
 * A route's timetable in the problem's units: the van leaves as late as the windows allow (the
 * slack the checker measures), so the only waiting left is what the windows force, and the
 * duration equals the checker's. Loads: every delivery is on board at departure; each stop
 * unloads its delivery and loads its pickup.
 */
export function scheduleRoute(data: ProblemData, route: SolutionRoute): RouteSchedule {
  const type = data.vehicleTypes[route.vehicleType]!;
  const size = data.numLocations;
  const earliest = Math.max(data.twEarly[type.startDepot]!, type.twEarly);
  const latest = Math.min(data.twLate[type.startDepot]!, type.twLate);
  const closing = Math.min(data.twLate[type.endDepot]!, type.twLate);

  // First pass from the earliest departure: how much waiting a later departure could absorb.
  let time = earliest;
  let previous = type.startDepot;
  let waiting = 0;
  let slack = latest - earliest;
  for (const client of route.clients) {
    const location = data.numDepots + client;
    const arrival = time + data.duration[previous * size + location]!;
    const start = Math.max(arrival, data.twEarly[location]!);
    waiting += start - arrival;
    slack = Math.min(slack, waiting + (data.twLate[location]! - start));
    time = start + data.serviceDuration[location]!;
    previous = location;
  }
  slack = Math.min(slack, waiting + (closing - (time + data.duration[previous * size + type.endDepot]!)));
  const departure = earliest + Math.max(0, Math.min(waiting, slack));

  let load = route.clients.reduce((sum, client) => sum + data.delivery[data.numDepots + client]!, 0);
  const loadAtDeparture = load;
  let maxLoad = load;
  let distance = 0;
  time = departure;
  previous = type.startDepot;
  const visits = route.clients.map((client): ScheduledVisit => {
    const location = data.numDepots + client;
    const leg = data.distance[previous * size + location]!;
    const arrival = time + data.duration[previous * size + location]!;
    const start = Math.max(arrival, data.twEarly[location]!);
    time = start + data.serviceDuration[location]!;
    load += data.pickup[location]! - data.delivery[location]!;
    maxLoad = Math.max(maxLoad, load);
    distance += leg;
    previous = location;
    return { client, arrival, start, departure: time, loadAfter: load, distance: leg };
  });
  const distanceBack = data.distance[previous * size + type.endDepot]!;
  const returned = time + data.duration[previous * size + type.endDepot]!;
  distance += distanceBack;
  return { departure, return: returned, loadAtDeparture, maxLoad, visits, distanceBack, distance, duration: returned - departure };
}
