import type { ProblemData } from '../model.ts';
import type { Penalties } from './penalties.ts';
import { RouteBuilder } from './route-builder.ts';
import type { SearchNode, SearchRoute } from './search-route.ts';

/** What operators share: the data, the live penalty weights and two scratch builders (one per route of a move). */
export class SearchContext {
  readonly first: RouteBuilder;
  readonly second: RouteBuilder;
  readonly size: number;
  readonly distance: Float64Array;
  /** Distances and durations equal both ways: reversing a run changes no inner arc. */
  readonly symmetric: boolean;

  constructor(
    readonly data: ProblemData,
    readonly penalties: Penalties,
  ) {
    this.first = new RouteBuilder(data, penalties);
    this.second = new RouteBuilder(data, penalties);
    this.size = data.numLocations;
    this.distance = data.distance;
    this.symmetric = isSymmetric(data.distance, data.numLocations) && isSymmetric(data.duration, data.numLocations);
  }
}

/** A move defined by two nodes: `u` a client, `v` a client or a start depot. */
export interface NodeOperator {
  readonly name: string;
  /** Change in penalised cost if applied; >= 0 means no gain (it may then be only a lower bound). */
  evaluate(u: SearchNode, v: SearchNode): number;
  /** Applies the move last evaluated for this (u, v); the caller updates the routes afterwards. */
  apply(u: SearchNode, v: SearchNode): void;
}

/** A move defined by two routes (SWAP*). */
export interface RouteOperator {
  readonly name: string;
  evaluate(first: SearchRoute, second: SearchRoute): number;
  apply(first: SearchRoute, second: SearchRoute): void;
}

/** Cost of a route of the given distance, ignoring penalties: what a distance-only estimate knows. */
export function distanceCost(route: SearchRoute, distance: number, clients: number): number {
  return clients === 0 ? 0 : route.fixedCost + route.unitDistanceCost * distance;
}

function isSymmetric(matrix: Float64Array, size: number): boolean {
  for (let from = 0; from < size; from += 1) {
    for (let to = from + 1; to < size; to += 1) if (matrix[from * size + to] !== matrix[to * size + from]) return false;
  }
  return true;
}
