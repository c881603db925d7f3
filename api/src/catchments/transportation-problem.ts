import highsLoader from 'highs';
import { withinReach } from '@terep/db';

/**
 * The transportation problem of warehouse catchments: serve every settlement's
 * demand from warehouses of limited capacity at the least demand-weighted
 * distance, never farther than the maximum distance. Demand no warehouse can
 * take goes to a dummy "unserved" sink whose price per unit is above any
 * distance, so the solution first serves as much as the capacities and the
 * maximum distance allow, then serves it as near as it can; nothing is sent
 * across the country merely to make the books balance. Solved exactly as a
 * linear program with HiGHS.
 */
export interface TransportationInput {
  /** demand[s] of each settlement, in the capacity's unit. */
  demand: Float64Array;
  /** capacity[w] of each warehouse; Infinity for unlimited. */
  capacity: Float64Array;
  /** distance[s * warehouses + w], km. */
  distance: Float64Array;
  /** No settlement is served from farther than this (km, inclusive); null for no limit. */
  maxDistanceKm: number | null;
}

export interface TransportationResult {
  /** For each settlement, the warehouse serving the largest share of its demand; -1 when none serves it. */
  assignment: Int32Array;
  /** Settlements whose demand is split, with each warehouse's share. */
  splits: { settlement: number; shares: { warehouse: number; share: number }[] }[];
  /** Demand served by each warehouse. */
  load: Float64Array;
  /** Demand of each settlement no warehouse serves (beyond the maximum distance, or above the capacities). */
  unserved: Float64Array;
  /** Sum of served demand × distance. */
  objective: number;
}

/** Price per unit of unserved demand: above any distance in Hungary, so serving always wins where it is allowed. */
const UNSERVED_PENALTY_KM = 10_000;

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highsInstance: Promise<Highs> | undefined;

function loadHighs(): Promise<Highs> {
  highsInstance ??= highsLoader({});
  return highsInstance;
}

/** Whether a warehouse at this distance may serve: within the maximum distance, inclusive, as every reach. */
function withinMaxDistance(distanceKm: number, maxDistanceKm: number | null): boolean {
  return maxDistanceKm === null || withinReach(distanceKm, maxDistanceKm);
}

/** The nearest warehouse within the maximum distance, or -1. */
function nearestAllowed(input: Pick<TransportationInput, 'distance' | 'maxDistanceKm'>, s: number, warehouses: number): number {
  let best = -1;
  for (let w = 0; w < warehouses; w += 1) {
    const distance = input.distance[s * warehouses + w]!;
    if (!withinMaxDistance(distance, input.maxDistanceKm)) continue;
    if (best < 0 || distance < input.distance[s * warehouses + best]!) best = w;
  }
  return best;
}

export async function solveTransportation(input: TransportationInput): Promise<TransportationResult> {
  const settlements = input.demand.length;
  const warehouses = input.capacity.length;
  const assignment = new Int32Array(settlements);
  const load = new Float64Array(warehouses);
  const unserved = new Float64Array(settlements);
  const splits: TransportationResult['splits'] = [];
  // Settlements without demand load no warehouse: they belong to the nearest one allowed, and stay out of the program
  // (in it, any warehouse would be as good as any other for them, and the solver's pick would mean nothing).
  const demanding: number[] = [];
  for (let s = 0; s < settlements; s += 1) {
    if (input.demand[s]! > 0) demanding.push(s);
    else assignment[s] = nearestAllowed(input, s, warehouses);
  }
  if (demanding.length === 0) return { assignment, splits, load, unserved, objective: 0 };

  // x_s_w = share of settlement s's demand served by warehouse w; u_s = share left unserved.
  const name = (s: number, w: number) => `x${s}_${w}`;
  const allowed = (s: number, w: number) => withinMaxDistance(input.distance[s * warehouses + w]!, input.maxDistanceKm);
  const objective: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  for (const s of demanding) {
    const terms: string[] = [];
    for (let w = 0; w < warehouses; w += 1) {
      if (!allowed(s, w)) continue;
      objective.push(`+ ${input.demand[s]! * input.distance[s * warehouses + w]!} ${name(s, w)}`);
      terms.push(`+ ${name(s, w)}`);
      bounds.push(` 0 <= ${name(s, w)} <= 1`);
    }
    objective.push(`+ ${input.demand[s]! * UNSERVED_PENALTY_KM} u${s}`);
    bounds.push(` 0 <= u${s} <= 1`);
    rows.push(` d${s}: ${terms.join(' ')} + u${s} = 1`);
  }
  for (let w = 0; w < warehouses; w += 1) {
    if (!Number.isFinite(input.capacity[w]!)) continue;
    const terms = demanding.filter((s) => allowed(s, w)).map((s) => `+ ${input.demand[s]} ${name(s, w)}`);
    if (terms.length > 0) rows.push(` c${w}: ${terms.join(' ')} <= ${input.capacity[w]}`);
  }
  const program = ['Minimize', ` obj: ${objective.join(' ')}`, 'Subject To', ...rows, 'Bounds', ...bounds, 'End'].join('\n');

  const highs = await loadHighs();
  const solution = highs.solve(program, { presolve: 'on' });
  if (solution.Status !== 'Optimal') throw new Error(`the transportation problem was not solved to optimality (HiGHS: ${solution.Status})`);

  let served = 0;
  for (const s of demanding) {
    let best = -1;
    let bestShare = 0;
    const shares: { warehouse: number; share: number }[] = [];
    for (let w = 0; w < warehouses; w += 1) {
      const share = solution.Columns[name(s, w)]?.Primal ?? 0;
      if (share <= 1e-6) continue;
      shares.push({ warehouse: w, share });
      load[w]! += share * input.demand[s]!;
      served += share * input.demand[s]! * input.distance[s * warehouses + w]!;
      if (share > bestShare) {
        best = w;
        bestShare = share;
      }
    }
    const left = solution.Columns[`u${s}`]?.Primal ?? 0;
    if (left > 1e-6) unserved[s] = left * input.demand[s]!;
    assignment[s] = best;
    if (shares.length > 1) splits.push({ settlement: s, shares });
  }
  return { assignment, splits, load, unserved, objective: served };
}

/** Nearest warehouse per settlement (within the maximum distance): the uncapacitated case needs no solver. */
export function assignNearest(input: Pick<TransportationInput, 'demand' | 'distance' | 'maxDistanceKm'>, warehouses: number): TransportationResult {
  const settlements = input.demand.length;
  const assignment = new Int32Array(settlements);
  const load = new Float64Array(warehouses);
  const unserved = new Float64Array(settlements);
  let objective = 0;
  for (let s = 0; s < settlements; s += 1) {
    const best = nearestAllowed(input, s, warehouses);
    assignment[s] = best;
    if (best < 0) {
      unserved[s] = input.demand[s]!;
      continue;
    }
    load[best]! += input.demand[s]!;
    objective += input.demand[s]! * input.distance[s * warehouses + best]!;
  }
  return { assignment, splits: [], load, unserved, objective };
}
