import type { RouteDepotInput, RouteRequest, RouteStopInput, TimeWindow } from '@terep/db';
import { parseClockTime } from './clock-time.ts';
import { LogisticsError } from './logistics-error.ts';

export const DEFAULT_SERVICE_MINUTES = 10;
export const DEFAULT_TIME_LIMIT_SECONDS = 10;
export const DEFAULT_SEED = 1;

/** Minutes after midnight: [opens, closes]. */
export type MinuteWindow = [number, number];

export interface CheckedStop {
  /** Index into the request's stops. */
  index: number;
  input: RouteStopInput;
  delivery: number;
  pickup: number;
  serviceMinutes: number;
  window: MinuteWindow | null;
}

export interface CheckedVehicle {
  name: string;
  count: number;
  capacity: number;
  shift: MinuteWindow;
  maxDurationMinutes: number;
  costPerKm: number;
  depot: number;
  endDepot: number;
}

/** A route request whose rules hold together, with clock times read as minutes; places are not looked up yet. */
export interface CheckedRouteRequest {
  depots: RouteDepotInput[];
  stops: CheckedStop[];
  fleet: CheckedVehicle[];
  timeLimitSeconds: number;
  seed: number;
}

/** Whose window it is, for the web's own wording: a stop (number, name) or a van's shift (its name). */
export type WindowOwner = { stop: number; name: string } | { vehicle: string };

/** Reads a window's clock times; throws INVALID_TIME_WINDOW naming `what` (in English) and its `owner`. */
function readWindow(window: TimeWindow, what: string, owner: WindowOwner): MinuteWindow {
  const from = parseClockTime(window.from);
  const to = parseClockTime(window.to);
  if (from === undefined || to === undefined) {
    const bad = from === undefined ? window.from : window.to;
    throw new LogisticsError('INVALID_TIME_WINDOW', `The time window of ${what} has "${bad}", which is not a time of day (HH:MM).`, { reason: `${'stop' in owner ? 'stop' : 'shift'}-not-a-time`, value: bad, ...owner });
  }
  if (to < from) throw new LogisticsError('INVALID_TIME_WINDOW', `The time window of ${what} closes (${window.to}) before it opens (${window.from}).`, { reason: `${'stop' in owner ? 'stop' : 'shift'}-closes-before-opens`, from: window.from, to: window.to, ...owner });
  return [from, to];
}

function stopLabel(stop: RouteStopInput, index: number): string {
  return `stop ${index + 1}${stop.name ? ` ("${stop.name}")` : stop.settlementCode ? ` (${stop.settlementCode})` : ''}`;
}

/**
 * Checks what can be checked before any place is looked up: depots and stops exist, the fleet
 * has vans, vans refer to given depots, and every window and shift is a valid span of one day.
 */
export function checkRouteRequest(request: RouteRequest): CheckedRouteRequest {
  if (request.depots.length === 0) throw new LogisticsError('NO_DEPOTS', 'Choose at least one depot: a warehouse, a settlement or a point.');
  if (request.stops.length === 0) throw new LogisticsError('NO_STOPS', 'Give at least one stop to deliver to.');
  if (request.fleet.reduce((sum, vehicle) => sum + vehicle.count, 0) === 0) {
    throw new LogisticsError('EMPTY_FLEET', 'The fleet has no vans: give at least one kind of van with a count above 0.');
  }
  const defaultService = request.serviceMinutes ?? DEFAULT_SERVICE_MINUTES;
  const stops = request.stops.map((stop, index): CheckedStop => ({
    index,
    input: stop,
    delivery: stop.delivery,
    pickup: stop.pickup ?? 0,
    serviceMinutes: stop.serviceMinutes ?? defaultService,
    window: stop.window ? readWindow(stop.window, stopLabel(stop, index), { stop: index + 1, name: stop.name ?? stop.settlementCode ?? '' }) : null,
  }));
  const fleet = request.fleet.map((vehicle, index): CheckedVehicle => {
    const name = vehicle.name ?? `van ${index + 1}`;
    const shift = readWindow(vehicle.shift, `the shift of "${name}"`, { vehicle: name });
    const depot = vehicle.depot ?? 0;
    const endDepot = vehicle.endDepot ?? depot;
    for (const which of [depot, endDepot]) {
      if (which >= request.depots.length) {
        throw new LogisticsError('UNKNOWN_DEPOT', `"${name}" refers to depot ${which + 1}, but ${request.depots.length} depot(s) are given.`, { vehicle: name, depot: which + 1, depots: request.depots.length });
      }
    }
    return {
      name,
      count: vehicle.count,
      capacity: vehicle.capacity,
      shift,
      maxDurationMinutes: vehicle.maxDurationMinutes ?? shift[1] - shift[0],
      costPerKm: vehicle.costPerKm ?? 1,
      depot,
      endDepot,
    };
  });
  return {
    depots: request.depots,
    stops,
    fleet,
    timeLimitSeconds: request.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS,
    seed: request.seed ?? DEFAULT_SEED,
  };
}
