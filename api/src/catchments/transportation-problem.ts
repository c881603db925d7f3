import highsLoader from 'highs';

/**
 * The transportation problem of warehouse catchments: serve every settlement's
 * demand from warehouses of limited capacity at the least demand-weighted
 * distance. Solved exactly as a linear program with HiGHS; an optimal vertex
 * splits at most (warehouses - 1) settlements between two warehouses.
 */
export interface TransportationInput {
  /** demand[s] of each settlement (e.g. population). */
  demand: Float64Array;
  /** capacity[w] of each warehouse; Infinity for unlimited. */
  capacity: Float64Array;
  /** distance[s * warehouses + w], km. */
  distance: Float64Array;
}

export interface TransportationResult {
  /** For each settlement, the warehouse serving the largest share of its demand. */
  assignment: Int32Array;
  /** Settlements whose demand is split, with each warehouse's share. */
  splits: { settlement: number; shares: { warehouse: number; share: number }[] }[];
  /** Demand served by each warehouse. */
  load: Float64Array;
  /** Sum of demand × distance. */
  objective: number;
}

export class InfeasibleTransportationError extends Error {
  constructor(readonly totalDemand: number, readonly totalCapacity: number) {
    super(`total warehouse capacity (${totalCapacity.toLocaleString('en-US')}) is below total demand (${totalDemand.toLocaleString('en-US')})`);
    this.name = 'InfeasibleTransportationError';
  }
}

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highsInstance: Promise<Highs> | undefined;

function loadHighs(): Promise<Highs> {
  highsInstance ??= highsLoader({});
  return highsInstance;
}

export async function solveTransportation(input: TransportationInput): Promise<TransportationResult> {
  const settlements = input.demand.length;
  const warehouses = input.capacity.length;
  const totalDemand = input.demand.reduce((sum, value) => sum + value, 0);
  const totalCapacity = input.capacity.reduce((sum, value) => sum + value, 0);
  if (totalCapacity < totalDemand) throw new InfeasibleTransportationError(totalDemand, totalCapacity);

  // x_s_w = share of settlement s's demand served by warehouse w (0..1).
  const name = (s: number, w: number) => `x${s}_${w}`;
  const lines: string[] = ['Minimize', ' obj:'];
  let objective = '';
  for (let s = 0; s < settlements; s += 1) {
    for (let w = 0; w < warehouses; w += 1) {
      const cost = input.demand[s]! * input.distance[s * warehouses + w]!;
      objective += ` + ${cost} ${name(s, w)}`;
    }
  }
  lines.push(objective, 'Subject To');
  for (let s = 0; s < settlements; s += 1) {
    let row = ` d${s}:`;
    for (let w = 0; w < warehouses; w += 1) row += ` + ${name(s, w)}`;
    lines.push(`${row} = 1`);
  }
  for (let w = 0; w < warehouses; w += 1) {
    if (!Number.isFinite(input.capacity[w]!)) continue;
    let row = ` c${w}:`;
    for (let s = 0; s < settlements; s += 1) if (input.demand[s]! > 0) row += ` + ${input.demand[s]} ${name(s, w)}`;
    lines.push(`${row} <= ${input.capacity[w]}`);
  }
  lines.push('Bounds');
  for (let s = 0; s < settlements; s += 1) for (let w = 0; w < warehouses; w += 1) lines.push(` 0 <= ${name(s, w)} <= 1`);
  lines.push('End');

  const highs = await loadHighs();
  const solution = highs.solve(lines.join('\n'), { presolve: 'on' });
  if (solution.Status !== 'Optimal') throw new Error(`the transportation problem was not solved to optimality (HiGHS: ${solution.Status})`);

  const assignment = new Int32Array(settlements);
  const load = new Float64Array(warehouses);
  const splits: TransportationResult['splits'] = [];
  for (let s = 0; s < settlements; s += 1) {
    let best = 0;
    let bestShare = -1;
    const shares: { warehouse: number; share: number }[] = [];
    for (let w = 0; w < warehouses; w += 1) {
      const share = solution.Columns[name(s, w)]?.Primal ?? 0;
      if (share > 1e-6) {
        shares.push({ warehouse: w, share });
        load[w]! += share * input.demand[s]!;
      }
      if (share > bestShare) {
        best = w;
        bestShare = share;
      }
    }
    assignment[s] = best;
    if (shares.length > 1) splits.push({ settlement: s, shares });
  }
  return { assignment, splits, load, objective: solution.ObjectiveValue };
}

/** Nearest warehouse per settlement: the uncapacitated case needs no solver. */
export function assignNearest(input: Pick<TransportationInput, 'demand' | 'distance'>, warehouses: number): TransportationResult {
  const settlements = input.demand.length;
  const assignment = new Int32Array(settlements);
  const load = new Float64Array(warehouses);
  let objective = 0;
  for (let s = 0; s < settlements; s += 1) {
    let best = 0;
    for (let w = 1; w < warehouses; w += 1) if (input.distance[s * warehouses + w]! < input.distance[s * warehouses + best]!) best = w;
    assignment[s] = best;
    load[best]! += input.demand[s]!;
    objective += input.demand[s]! * input.distance[s * warehouses + best]!;
  }
  return { assignment, splits: [], load, objective };
}
