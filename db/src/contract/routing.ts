import type { CodedReason, LocalisedText } from './common.ts';
import type { DistanceMethod } from './coverage.ts';

/** A time of day, "HH:MM" on a 24-hour clock ("8:30" is read too; "24:00" is the end of the day). */
export type ClockTime = string;

/** Service may start no earlier than `from` and no later than `to` (the same day). */
export interface TimeWindow {
  from: ClockTime;
  to: ClockTime;
}

/** Where vans leave from and return to: an imported warehouse, a settlement's centre, or a point. */
export type RouteDepotInput =
  | { warehouseId: number }
  | { settlementCode: string; name?: string }
  | { name: string; lon: number; lat: number };

/**
 * A stop: a settlement (drawn at its centre) or a named point such as a partner organisation.
 * Amounts share one unit with the vans' capacity (parcels, households, crates...).
 */
export interface RouteStopInput {
  settlementCode?: string;
  /** Shown name; the settlement's own by default, required for a point. */
  name?: string;
  lon?: number;
  lat?: number;
  /** Brought from the depot. */
  delivery: number;
  /** Collected here and carried back to the depot (donations). */
  pickup?: number;
  /** Minutes spent at the stop; the request's `serviceMinutes` by default. */
  serviceMinutes?: number;
  window?: TimeWindow;
}

/** A kind of van and how many of it there are. */
export interface RouteVehicleInput {
  name?: string;
  count: number;
  capacity: number;
  /** Working hours: leave no earlier than `from`, back by `to`. */
  shift: TimeWindow;
  /** Longest time away from the depot; the shift's length by default. */
  maxDurationMinutes?: number;
  /** Cost of a kilometre in the organisation's currency; 1 by default, so that cost = kilometres. */
  costPerKm?: number;
  /** Index into `depots` where the vans start (0 by default) and end (their start by default). */
  depot?: number;
  endDepot?: number;
}

/** `POST /api/routes`. */
export interface RouteRequest {
  depots: RouteDepotInput[];
  stops: RouteStopInput[];
  fleet: RouteVehicleInput[];
  /** Minutes at a stop whose own is not given (default 10). */
  serviceMinutes?: number;
  /** Upper limit of the search (default 10 s, at most 120 s); small plans finish sooner. */
  timeLimitSeconds?: number;
  /** The same seed and input give the same plan when the search ends before its time limit. */
  seed?: number;
}

/** A depot or stop as the plan names and places it. */
export interface RoutePlace {
  name: string;
  settlementCode: string | null;
  lon: number;
  lat: number;
}

/** One stop of a route, in visiting order. Times are given as clock text and as minutes after midnight. */
export interface RouteVisit {
  /** Index into the request's `stops`. */
  stop: number;
  place: RoutePlace;
  arrival: ClockTime;
  arrivalMinutes: number;
  /** When service starts: the arrival, or the window's opening after a wait. */
  start: ClockTime;
  startMinutes: number;
  waitMinutes: number;
  departure: ClockTime;
  departureMinutes: number;
  delivery: number;
  pickup: number;
  /** On board when the van leaves the stop. */
  loadAfter: number;
  /** From the previous stop, or from the depot. */
  distanceKm: number;
  window: TimeWindow | null;
}

/** One van's day. */
export interface PlannedRoute {
  /** The van's own name: its kind's, numbered ("Kisbusz 1", "Kisbusz 2") when several vans share it. */
  vehicle: string;
  /** Index of the van's kind in the request's `fleet`. */
  vehicleType: number;
  capacity: number;
  depot: RoutePlace;
  endDepot: RoutePlace;
  /** Leaving as late as the windows allow, so that waiting is only what the windows force. */
  departure: ClockTime;
  departureMinutes: number;
  return: ClockTime;
  returnMinutes: number;
  /** On board when leaving the depot (every delivery of the route). */
  loadAtDeparture: number;
  maxLoad: number;
  visits: RouteVisit[];
  distanceKm: number;
  durationMinutes: number;
  cost: number;
  /** Road geometry depot → stops → depot, [lon, lat], as the distances were measured. */
  path: [number, number][];
  /** Minutes after midnight at each vertex of `path` (for playback): a stop's vertex repeats while the van stands there. */
  pathMinutes: number[];
}

export interface RouteTotals {
  routes: number;
  stops: number;
  distanceKm: number;
  durationMinutes: number;
  cost: number;
  delivery: number;
  pickup: number;
}

/** A stop no van can serve even on a trip of its own (load above every capacity, a window no van reaches...). */
export interface UnservableStop {
  stop: number;
  name: string;
  /** In English, for API users: the distinct reasons joined by "; ". */
  reason: string;
  /** The same reasons as stable codes with their values, for clients to word (`load-above-capacity`, `window-closes-before-arrival`, `cannot-return-in-time`, `round-trip-too-long`). */
  reasons: CodedReason[];
}

/** A stop the distances cannot reach: off the road network, or no road leads there from the depots. */
export interface UnroutableStop {
  stop: number;
  name: string;
  reason: 'off-network' | 'no-path';
}

/** `POST /api/routes`: the plan for the stops that can be served, and the stops that cannot, by name. */
export interface RoutePlan {
  distanceMethod: DistanceMethod;
  /** False when the fleet could not serve every servable stop within its rules: `violations` say where. */
  feasible: boolean;
  /** In English; `violationReasons` holds the same as codes and values, in the same order. */
  violations: string[];
  violationReasons: CodedReason[];
  depots: RoutePlace[];
  routes: PlannedRoute[];
  totals: RouteTotals;
  unservable: UnservableStop[];
  unroutable: UnroutableStop[];
  solver: { seed: number; timeLimitSeconds: number; seconds: number; iterations: number };
}

export type StopListProblemCode = 'FILE_UNREADABLE' | 'MISSING_COLUMNS' | 'NO_LOCATION' | 'UNKNOWN_KSH_CODE' | 'UNKNOWN_SETTLEMENT' | 'AMBIGUOUS_SETTLEMENT' | 'INVALID_NUMBER' | 'INVALID_TIME_WINDOW';

/** A row of a stop list that could not be read, by its row number in the file. */
export interface StopListProblem {
  code: StopListProblemCode;
  /** Row number in the file (a CSV line, counting the header as 1), or null for the whole file. */
  row: number | null;
  column: string | null;
  message: LocalisedText;
}

/** `POST /api/routes/stops/csv`: the rows read as stops, and every row that could not be, with its reason. */
export interface StopListReading {
  fileName: string;
  rows: number;
  /** Each at its settlement's centre (`lon`, `lat`), for the map. */
  stops: (RouteStopInput & { name: string; settlementCode: string; row: number; lon: number; lat: number })[];
  problems: StopListProblem[];
}

/** A saved delivery plan in lists: `GET /api/routes/scenarios` (newest first). */
export interface RouteScenarioSummary {
  id: number;
  name: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  routes: number;
  stops: number;
  distanceKm: number;
}

/** `GET /api/routes/scenarios/:id`: the request, where each of its stops was placed, and the plan. */
export interface RouteScenario extends RouteScenarioSummary {
  request: RouteRequest;
  /** The request's stops as placed (same order): names and positions to redraw them. */
  stopPlaces: RoutePlace[];
  plan: RoutePlan;
}

/** `POST /api/routes` answers the plan and the scenario it was saved as. */
export interface SavedRoutePlan extends RoutePlan {
  scenario: RouteScenarioSummary;
}
