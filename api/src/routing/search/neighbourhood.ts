import type { ProblemData } from '../model.ts';

export interface NeighbourhoodParameters {
  /** Granular neighbourhood size: moves only join a client to one of its nearest clients. */
  size: number;
  /** Weights of waiting and time warp in the proximity measure (Vidal et al. 2013). */
  weightWaitTime: number;
  weightTimeWarp: number;
}

export const DEFAULT_NEIGHBOURHOOD: NeighbourhoodParameters = { size: 20, weightWaitTime: 0.2, weightTimeWarp: 1 };

/**
 * For every client, the `size` clients closest to it as a successor, closest first. Closeness is
 * the arc cost plus the waiting and time warp that visiting one after the other would force, so a
 * client whose window closes before another's opens is not proposed as its successor.
 * Returned as location numbers, one Int32Array per location (depots get empty lists).
 */
export function computeNeighbours(data: ProblemData, parameters: NeighbourhoodParameters): Int32Array[] {
  const { numDepots, numLocations, distance, duration, serviceDuration, twEarly, twLate } = data;
  const count = Math.min(parameters.size, data.numClients - 1);
  const result: Int32Array[] = [];
  for (let depot = 0; depot < numDepots; depot += 1) result.push(new Int32Array(0));
  const candidates = new Int32Array(data.numClients);
  const proximity = new Float64Array(numLocations);
  for (let from = numDepots; from < numLocations; from += 1) {
    let filled = 0;
    for (let to = numDepots; to < numLocations; to += 1) {
      if (to === from) continue;
      const arc = from * numLocations + to;
      const travel = duration[arc]!;
      const wait = Math.max(twEarly[to]! - serviceDuration[from]! - travel - twLate[from]!, 0);
      const warp = Math.max(twEarly[from]! + serviceDuration[from]! + travel - twLate[to]!, 0);
      proximity[to] = distance[arc]! + parameters.weightWaitTime * wait + parameters.weightTimeWarp * warp;
      candidates[filled] = to;
      filled += 1;
    }
    const sorted = Array.from(candidates.subarray(0, filled)).sort((a, b) => proximity[a]! - proximity[b]! || a - b);
    result.push(Int32Array.from(sorted.slice(0, Math.max(0, count))));
  }
  return result;
}
