import type { ProblemData } from '../model.ts';
import type { Rng } from '../rng.ts';
import type { Solution, SolutionRoute } from '../solution.ts';

/**
 * Selective route exchange (Nagata and Kobayashi 2010, as in PyVRP): a run of neighbouring routes
 * of parent A is replaced by the best-matching run of routes of parent B. Two children come back:
 * one keeps B's routes whole and drops their clients from A's remaining routes, the other keeps
 * A's remaining routes whole and drops those clients from B's routes. Clients that were only in
 * A's replaced routes are left out; the caller re-inserts them (`LocalSearch.repair`).
 *
 * Routes are ordered by the polar angle of their centroid first, so a "run" of routes is a sector.
 */
export interface Offspring {
  solution: Solution;
  /**
   * Routes copied whole from a parent, with the parent they come from (1 or 2): moves between two
   * routes of the same parent were already tried in that parent's local search.
   */
  intact: Map<SolutionRoute, number>;
}

/**
 * `maxClients` caps the exchange at about that many clients' worth of routes (never below one
 * route). The local search then only re-tests moves near the exchanged routes (the rest is
 * settled), so the cost of a generation stops growing with the instance; PyVRP draws from all
 * routes, which is the same on instances of up to about `maxClients` clients.
 */
export function selectiveRouteExchange(data: ProblemData, parentA: Solution, parentB: Solution, rng: Rng, maxClients = Number.POSITIVE_INFINITY): [Offspring, Offspring] {
  const routesA = sortedByAngle(data, parentA);
  const routesB = sortedByAngle(data, parentB);
  const countA = routesA.length;
  const countB = routesB.length;
  if (countA === 0 || countB === 0) return [{ solution: copy(parentA), intact: new Map() }, { solution: copy(parentB), intact: new Map() }];
  const startA = rng.nextInt(countA);
  const maxRoutes = Math.max(1, Math.floor((maxClients * countA) / Math.max(1, data.numClients)));
  const moved = rng.nextInt(Math.min(countA, countB, maxRoutes)) + 1;
  let startB = startA < countB ? startA : 0;

  const inA = new Uint8Array(data.numClients);
  for (let offset = 0; offset < moved; offset += 1) for (const client of routesA[(startA + offset) % countA]!.clients) inA[client] = 1;
  const inB = new Uint8Array(data.numClients);
  const difference = (start: number): number => {
    inB.fill(0);
    for (let offset = 0; offset < moved; offset += 1) for (const client of routesB[(start + offset) % countB]!.clients) inB[client] = 1;
    let count = 0;
    for (let client = 0; client < data.numClients; client += 1) if (inA[client] !== inB[client]) count += 1;
    return count;
  };
  // Slide B's run left or right while that brings its clients closer to A's.
  let current = difference(startB);
  for (let step = 0; step < countB; step += 1) {
    const left = difference((startB - 1 + countB) % countB);
    const right = difference((startB + 1) % countB);
    if (left < current && left <= right) {
      startB = (startB - 1 + countB) % countB;
      current = left;
    } else if (right < current) {
      startB = (startB + 1) % countB;
      current = right;
    } else {
      break;
    }
  }
  difference(startB);

  const keepB: SolutionRoute[] = [];
  const trimmedB: SolutionRoute[] = [];
  const keepA: SolutionRoute[] = [];
  const trimmedA: SolutionRoute[] = [];
  for (let offset = 0; offset < moved; offset += 1) {
    // B's routes take the vehicles of the A routes they replace.
    const vehicleType = routesA[(startA + offset) % countA]!.vehicleType;
    const clients = routesB[(startB + offset) % countB]!.clients;
    keepB.push({ vehicleType, clients: clients.slice() });
    trimmedB.push({ vehicleType, clients: clients.filter((client) => inA[client] === 1) });
  }
  for (let offset = moved; offset < countA; offset += 1) {
    const route = routesA[(startA + offset) % countA]!;
    keepA.push({ vehicleType: route.vehicleType, clients: route.clients.slice() });
    trimmedA.push({ vehicleType: route.vehicleType, clients: route.clients.filter((client) => inB[client] === 0) });
  }
  const intact = (whole: SolutionRoute[], wholeParent: number, trimmed: SolutionRoute[], originals: SolutionRoute[], trimmedParent: number): Map<SolutionRoute, number> => {
    const result = new Map<SolutionRoute, number>();
    for (const route of whole) result.set(route, wholeParent);
    trimmed.forEach((route, index) => {
      if (route.clients.length === originals[index]!.clients.length) result.set(route, trimmedParent);
    });
    return result;
  };
  return [
    { solution: { routes: [...keepB, ...trimmedA] }, intact: intact(keepB, 2, trimmedA, keepA, 1) },
    { solution: { routes: [...trimmedB, ...keepA] }, intact: intact(keepA, 1, trimmedB, keepB, 2) },
  ];
}

function sortedByAngle(data: ProblemData, solution: Solution): SolutionRoute[] {
  const routes = solution.routes.filter((route) => route.clients.length > 0);
  const angles = new Map<SolutionRoute, number>();
  for (const route of routes) {
    const depot = data.vehicleTypes[route.vehicleType]!.startDepot;
    let x = 0;
    let y = 0;
    for (const client of route.clients) {
      x += data.x[data.numDepots + client]!;
      y += data.y[data.numDepots + client]!;
    }
    angles.set(route, Math.atan2(y / route.clients.length - data.y[depot]!, x / route.clients.length - data.x[depot]!));
  }
  return routes.sort((a, b) => angles.get(a)! - angles.get(b)!);
}

function copy(solution: Solution): Solution {
  return { routes: solution.routes.map((route) => ({ vehicleType: route.vehicleType, clients: route.clients.slice() })) };
}
