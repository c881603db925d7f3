import { listWarehouseSites, planningSettlements, type Engine, type RouteDepotInput, type RoutePlace, type RoutePlan, type RouteRequest, type RouteStopInput } from '@terep/db';
import { runInWorker } from '../jobs/run-in-worker.ts';
import { checkSolution } from '../routing/checker.ts';
import { createProblemData } from '../routing/model.ts';
import { findUnservableClients } from '../routing/unservable.ts';
import { travelMatrix, travelPaths } from '../travel/travel-matrix.ts';
import { formatClockTime, formatDuration } from './clock-time.ts';
import { LogisticsError } from './logistics-error.ts';
import { buildRoutePlan } from './route-plan.ts';
import { buildRouteProblem, SECONDS_PER_MINUTE, withoutClients } from './route-problem.ts';
import { checkRouteRequest } from './route-request.ts';
import type { SolveRoutesInput, SolveRoutesOutput } from './solve-routes-task.ts';

const SOLVE_TASK = new URL('./solve-routes-task.ts', import.meta.url);

/** Reasons and violations name times of day and durations as a dispatcher writes them, not in the solver's seconds. */
const READABLE = {
  time: (seconds: number) => formatClockTime(seconds / SECONDS_PER_MINUTE),
  duration: (seconds: number) => formatDuration(seconds / SECONDS_PER_MINUTE),
  amount: (seconds: number) => Math.round(seconds / SECONDS_PER_MINUTE),
};

async function placeDepotsAndStops(engine: Engine, depots: readonly RouteDepotInput[], stops: readonly RouteStopInput[]): Promise<{ depots: RoutePlace[]; stops: RoutePlace[] }> {
  // Only the settlements placed by code (stops with coordinates keep theirs), not the country's 3,177.
  const codes = [...new Set([
    ...depots.flatMap((depot) => ('settlementCode' in depot ? [depot.settlementCode] : [])),
    ...stops.flatMap((stop) => (stop.lon !== undefined && stop.lat !== undefined ? [] : [stop.settlementCode!])),
  ])];
  const settlements = new Map((codes.length > 0 ? await planningSettlements(engine.db, { codes }) : []).map((settlement) => [settlement.code, settlement]));
  const warehouses = depots.some((depot) => 'warehouseId' in depot) ? await listWarehouseSites(engine.db) : [];
  const unknownCodes: string[] = [];
  const settlementPlace = (code: string, name: string | undefined): RoutePlace => {
    const settlement = settlements.get(code);
    if (!settlement) {
      unknownCodes.push(code);
      return { name: name ?? code, settlementCode: code, lon: 0, lat: 0 };
    }
    return { name: name ?? settlement.name, settlementCode: code, lon: settlement.lon, lat: settlement.lat };
  };
  const depotPlaces = depots.map((depot): RoutePlace => {
    if ('warehouseId' in depot) {
      const warehouse = warehouses.find((site) => site.id === depot.warehouseId);
      if (!warehouse) throw new LogisticsError('UNKNOWN_WAREHOUSE', `No warehouse #${depot.warehouseId}: choose one of the imported warehouses.`, { id: depot.warehouseId });
      return { name: warehouse.name, settlementCode: null, lon: warehouse.lon, lat: warehouse.lat };
    }
    if ('settlementCode' in depot) return settlementPlace(depot.settlementCode, depot.name);
    return { name: depot.name, settlementCode: null, lon: depot.lon, lat: depot.lat };
  });
  const stopPlaces = stops.map((stop, index): RoutePlace => {
    if (stop.lon !== undefined && stop.lat !== undefined) return { name: stop.name ?? `stop ${index + 1}`, settlementCode: stop.settlementCode ?? null, lon: stop.lon, lat: stop.lat };
    return settlementPlace(stop.settlementCode!, stop.name);
  });
  if (unknownCodes.length > 0) {
    throw new LogisticsError('UNKNOWN_SETTLEMENT', `Unknown settlement code${unknownCodes.length > 1 ? 's' : ''}: ${[...new Set(unknownCodes)].join(', ')} (KSH codes have 5 digits).`, { codes: [...new Set(unknownCodes)].join(', ') });
  }
  return { depots: depotPlaces, stops: stopPlaces };
}

/**
 * Plans delivery routes: places the depots and stops, measures travel between them (road network
 * or estimate), reports the stops that cannot be reached or served by name, solves the rest in a
 * worker thread, checks the plan independently and lays each route along its road path.
 * Answers the plan and where each stop of the request was placed. Aborting `signal` (the client
 * went away or cancelled) stops the search.
 */
export async function planRoutes(engine: Engine, request: RouteRequest, signal?: AbortSignal): Promise<{ plan: RoutePlan; stopPlaces: RoutePlace[] }> {
  const checked = checkRouteRequest(request);
  const places = await placeDepotsAndStops(engine, request.depots, request.stops);
  const points = [...places.depots, ...places.stops].map((place) => ({ lon: place.lon, lat: place.lat }));
  const matrix = await travelMatrix(engine, points, points);
  const routable = buildRouteProblem(checked, places.depots, places.stops, matrix);

  const unservableClients = findUnservableClients(createProblemData(routable.input), READABLE);
  const problem = withoutClients(routable, unservableClients.map((entry) => entry.client));
  const unservable = unservableClients.map((entry) => ({ stop: routable.clientStops[entry.client]!, name: entry.name, reason: entry.reason, reasons: entry.reasons }));

  const solved: SolveRoutesOutput = problem.input.clients.length === 0
    ? { solution: { routes: [] }, iterations: 0, seconds: 0 }
    : await runInWorker<SolveRoutesInput, SolveRoutesOutput>(SOLVE_TASK, 'solveRoutes', { problem: problem.input, timeLimitSeconds: checked.timeLimitSeconds, seed: checked.seed }, signal ? { signal } : {});

  const data = createProblemData(problem.input);
  const check = checkSolution(data, solved.solution, READABLE);
  const placeOf = (location: number) => (location < data.numDepots ? places.depots[location]! : places.stops[problem.clientStops[location - data.numDepots]!]!);
  const routeLegs = solved.solution.routes.map((route) => {
    const type = data.vehicleTypes[route.vehicleType]!;
    const sequence = [type.startDepot, ...route.clients.map((client) => data.numDepots + client), type.endDepot].map(placeOf);
    return sequence.slice(1).map((to, leg) => ({ from: { lon: sequence[leg]!.lon, lat: sequence[leg]!.lat }, to: { lon: to.lon, lat: to.lat } }));
  });
  const { paths } = await travelPaths(engine, routeLegs.flat());
  let next = 0;
  const legPaths = routeLegs.map((legs) => legs.map(() => paths[next++]!));

  const plan = buildRoutePlan({
    request: checked,
    depots: places.depots,
    stops: places.stops,
    data,
    clientStops: problem.clientStops,
    solution: solved.solution,
    check,
    legPaths,
    distanceMethod: matrix.method,
    unservable,
    unroutable: routable.unroutable,
    solver: { seed: checked.seed, timeLimitSeconds: checked.timeLimitSeconds, seconds: Number(solved.seconds.toFixed(3)), iterations: solved.iterations },
  });
  return { plan, stopPlaces: places.stops };
}
