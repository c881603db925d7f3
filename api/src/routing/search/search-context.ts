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

  constructor(
    readonly data: ProblemData,
    readonly penalties: Penalties,
  ) {
    this.first = new RouteBuilder(data, penalties);
    this.second = new RouteBuilder(data, penalties);
    this.size = data.numLocations;
    this.distance = data.distance;
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
  return clients === 0 ? 0 : route.type.fixedCost + route.type.unitDistanceCost * distance;
}
