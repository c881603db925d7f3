/**
 * The routing model: what the caller describes (depots, clients, vehicle types, matrices) and the
 * validated, array-backed `ProblemData` every algorithm reads. Locations are numbered depots first,
 * then clients, as in PyVRP: location `numDepots + c` is client `c`.
 *
 * Units are the caller's: distances and durations must share one time unit with the windows and
 * service durations. Integer-valued matrices keep every sum exact (the benchmark readers scale
 * Solomon's one-decimal distances by 10 for that reason).
 */

export interface DepotInput {
  name: string;
  x?: number;
  y?: number;
  /** Opening time: no vehicle leaves earlier. */
  twEarly?: number;
  /** Closing time: vehicles leave and return by then. */
  twLate?: number;
}

export interface ClientInput {
  name: string;
  x?: number;
  y?: number;
  /** Amount brought from the depot. */
  delivery?: number;
  /** Amount collected here and carried back to the depot (donation pickups). */
  pickup?: number;
  serviceDuration?: number;
  /** Service may start no earlier than this (waiting is allowed)... */
  twEarly?: number;
  /** ...and no later than this. */
  twLate?: number;
}

export interface VehicleTypeInput {
  name?: string;
  /** How many vehicles of this type are available. */
  count: number;
  capacity: number;
  /** Depot indices; both default to 0. */
  startDepot?: number;
  endDepot?: number;
  /** Working hours (shift window): leave no earlier than twEarly, back by twLate. */
  twEarly?: number;
  twLate?: number;
  maxDuration?: number;
  unitDistanceCost?: number;
  unitDurationCost?: number;
  /** Paid once per vehicle that leaves the depot. */
  fixedCost?: number;
}

export interface ProblemInput {
  name?: string;
  depots: DepotInput[];
  clients: ClientInput[];
  vehicleTypes: VehicleTypeInput[];
  /** Row-major locations x locations matrix (depots first, then clients). */
  distances: Float64Array;
  /** Travel times in the same layout; defaults to the distances. */
  durations?: Float64Array;
}

export interface VehicleTypeData {
  readonly name: string;
  readonly count: number;
  readonly capacity: number;
  readonly startDepot: number;
  readonly endDepot: number;
  readonly twEarly: number;
  readonly twLate: number;
  readonly maxDuration: number;
  readonly unitDistanceCost: number;
  readonly unitDurationCost: number;
  readonly fixedCost: number;
}

export interface ProblemData {
  readonly name: string;
  readonly numDepots: number;
  readonly numClients: number;
  readonly numLocations: number;
  readonly names: readonly string[];
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly delivery: Float64Array;
  readonly pickup: Float64Array;
  readonly serviceDuration: Float64Array;
  readonly twEarly: Float64Array;
  readonly twLate: Float64Array;
  readonly distance: Float64Array;
  readonly duration: Float64Array;
  readonly vehicleTypes: readonly VehicleTypeData[];
  readonly numVehicles: number;
}

/** The input does not describe a routing problem; the message names the offending item. */
export class ProblemDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProblemDataError';
  }
}

function finiteOr(value: number | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  if (Number.isNaN(value)) throw new ProblemDataError(`${what} is not a number`);
  return value;
}

function nonNegative(value: number | undefined, fallback: number, what: string): number {
  const result = finiteOr(value, fallback, what);
  if (result < 0) throw new ProblemDataError(`${what} is negative (${result})`);
  return result;
}

/** Validates an input and lays it out in typed arrays; throws ProblemDataError on bad input. */
export function createProblemData(input: ProblemInput): ProblemData {
  const numDepots = input.depots.length;
  const numClients = input.clients.length;
  const numLocations = numDepots + numClients;
  if (numDepots === 0) throw new ProblemDataError('at least one depot is needed');
  if (input.vehicleTypes.length === 0) throw new ProblemDataError('at least one vehicle type is needed');
  const cells = numLocations * numLocations;
  if (input.distances.length !== cells) {
    throw new ProblemDataError(`the distance matrix has ${input.distances.length} cells, expected ${numLocations}x${numLocations}`);
  }
  const durations = input.durations ?? input.distances;
  if (durations.length !== cells) {
    throw new ProblemDataError(`the duration matrix has ${durations.length} cells, expected ${numLocations}x${numLocations}`);
  }
  for (let cell = 0; cell < cells; cell += 1) {
    if (!(input.distances[cell]! >= 0) || !(durations[cell]! >= 0)) {
      const from = Math.floor(cell / numLocations);
      throw new ProblemDataError(`the matrix entry from location ${from} to ${cell % numLocations} is negative or not a number`);
    }
  }

  const names: string[] = [];
  const x = new Float64Array(numLocations);
  const y = new Float64Array(numLocations);
  const delivery = new Float64Array(numLocations);
  const pickup = new Float64Array(numLocations);
  const serviceDuration = new Float64Array(numLocations);
  const twEarly = new Float64Array(numLocations);
  const twLate = new Float64Array(numLocations);

  input.depots.forEach((depot, index) => {
    const what = `depot "${depot.name}"`;
    names.push(depot.name);
    x[index] = finiteOr(depot.x, 0, `${what} x`);
    y[index] = finiteOr(depot.y, 0, `${what} y`);
    twEarly[index] = nonNegative(depot.twEarly, 0, `${what} opening time`);
    twLate[index] = finiteOr(depot.twLate, Number.POSITIVE_INFINITY, `${what} closing time`);
    if (twLate[index]! < twEarly[index]!) throw new ProblemDataError(`${what} closes (${twLate[index]}) before it opens (${twEarly[index]})`);
  });
  input.clients.forEach((client, clientIndex) => {
    const index = numDepots + clientIndex;
    const what = `client "${client.name}"`;
    names.push(client.name);
    x[index] = finiteOr(client.x, 0, `${what} x`);
    y[index] = finiteOr(client.y, 0, `${what} y`);
    delivery[index] = nonNegative(client.delivery, 0, `${what} delivery`);
    pickup[index] = nonNegative(client.pickup, 0, `${what} pickup`);
    serviceDuration[index] = nonNegative(client.serviceDuration, 0, `${what} service duration`);
    twEarly[index] = nonNegative(client.twEarly, 0, `${what} window start`);
    twLate[index] = finiteOr(client.twLate, Number.POSITIVE_INFINITY, `${what} window end`);
    if (twLate[index]! < twEarly[index]!) {
      throw new ProblemDataError(`${what} window closes (${twLate[index]}) before it opens (${twEarly[index]})`);
    }
  });

  const vehicleTypes = input.vehicleTypes.map((type, index): VehicleTypeData => {
    const name = type.name ?? `vehicle type ${index + 1}`;
    const what = `vehicle type "${name}"`;
    const startDepot = type.startDepot ?? 0;
    const endDepot = type.endDepot ?? startDepot;
    for (const depot of [startDepot, endDepot]) {
      if (!Number.isInteger(depot) || depot < 0 || depot >= numDepots) throw new ProblemDataError(`${what} refers to depot ${depot}, which does not exist`);
    }
    if (!Number.isInteger(type.count) || type.count < 0) throw new ProblemDataError(`${what} count must be a whole number >= 0`);
    const data: VehicleTypeData = {
      name,
      count: type.count,
      capacity: nonNegative(type.capacity, 0, `${what} capacity`),
      startDepot,
      endDepot,
      twEarly: nonNegative(type.twEarly, 0, `${what} shift start`),
      twLate: finiteOr(type.twLate, Number.POSITIVE_INFINITY, `${what} shift end`),
      maxDuration: nonNegative(type.maxDuration, Number.POSITIVE_INFINITY, `${what} maximum duration`),
      unitDistanceCost: nonNegative(type.unitDistanceCost, 1, `${what} cost per distance`),
      unitDurationCost: nonNegative(type.unitDurationCost, 0, `${what} cost per duration`),
      fixedCost: nonNegative(type.fixedCost, 0, `${what} fixed cost`),
    };
    if (data.twLate < data.twEarly) throw new ProblemDataError(`${what} shift ends (${data.twLate}) before it starts (${data.twEarly})`);
    return data;
  });
  const numVehicles = vehicleTypes.reduce((sum, type) => sum + type.count, 0);
  if (numVehicles === 0) throw new ProblemDataError('the fleet has no vehicles');

  return {
    name: input.name ?? 'problem',
    numDepots,
    numClients,
    numLocations,
    names,
    x,
    y,
    delivery,
    pickup,
    serviceDuration,
    twEarly,
    twLate,
    distance: Float64Array.from(input.distances),
    duration: Float64Array.from(durations),
    vehicleTypes,
    numVehicles,
  };
}
