import type { ProblemData, VehicleTypeData } from '../model.ts';
import type { Penalties } from './penalties.ts';
import type { SearchNode, SearchRoute } from './search-route.ts';

/**
 * Evaluates a proposed route by concatenating cached segments (a prefix, single visits or short
 * runs, a suffix) without touching the route itself. One mutable builder is reused for every
 * evaluation, so the inner loop of the search allocates nothing.
 */
export class RouteBuilder {
  distance = 0;
  duration = 0;
  timeWarp = 0;
  early = 0;
  late = 0;
  delivery = 0;
  pickup = 0;
  load = 0;
  clients = 0;
  private last = 0;

  private readonly size: number;
  private readonly distanceMatrix: Float64Array;
  private readonly durationMatrix: Float64Array;
  private readonly service: Float64Array;
  private readonly twEarly: Float64Array;
  private readonly twLate: Float64Array;
  private readonly deliveries: Float64Array;
  private readonly pickups: Float64Array;

  constructor(
    data: ProblemData,
    private readonly penalties: Penalties,
  ) {
    this.size = data.numLocations;
    this.distanceMatrix = data.distance;
    this.durationMatrix = data.duration;
    this.service = data.serviceDuration;
    this.twEarly = data.twEarly;
    this.twLate = data.twLate;
    this.deliveries = data.delivery;
    this.pickups = data.pickup;
  }

  /** Starts from the route's start depot through `node` (inclusive). */
  startPrefix(node: SearchNode): this {
    this.distance = node.preDistance;
    this.duration = node.preDuration;
    this.timeWarp = node.preTimeWarp;
    this.early = node.preEarly;
    this.late = node.preLate;
    this.delivery = node.preDelivery;
    this.pickup = node.prePickup;
    this.load = node.preLoad;
    this.clients = node.index;
    this.last = node.location;
    return this;
  }

  /** Appends one client visit. */
  appendClient(location: number): this {
    const edge = this.last * this.size + location;
    const travel = this.durationMatrix[edge]!;
    const early = this.twEarly[location]!;
    const late = this.twLate[location]!;
    const atSecond = this.duration - this.timeWarp + travel;
    const waitGain = Math.max(early - atSecond - this.late, 0);
    const warpGain = Math.max(this.early + atSecond - late, 0);
    this.distance += this.distanceMatrix[edge]!;
    this.duration += this.service[location]! + travel + waitGain;
    this.timeWarp += warpGain;
    this.early = Math.max(early - atSecond, this.early) - waitGain;
    this.late = Math.min(late - atSecond, this.late) + warpGain;
    const delivery = this.deliveries[location]!;
    const pickup = this.pickups[location]!;
    this.load = Math.max(this.load + delivery, Math.max(delivery, pickup) + this.pickup);
    this.delivery += delivery;
    this.pickup += pickup;
    this.clients += 1;
    this.last = location;
    return this;
  }

  /** Appends the visits at positions from..to (inclusive) of `route`, in order. */
  appendRange(route: SearchRoute, from: number, to: number): this {
    const nodes = route.nodes;
    for (let index = from; index <= to; index += 1) this.appendClient(nodes[index]!.location);
    return this;
  }

  /** Appends the visits at positions from..to (inclusive) of `route`, last one first. */
  appendRangeReversed(route: SearchRoute, from: number, to: number): this {
    const nodes = route.nodes;
    for (let index = to; index >= from; index -= 1) this.appendClient(nodes[index]!.location);
    return this;
  }

  /** Appends `node` and everything after it up to and including its route's end depot. */
  appendSuffix(node: SearchNode): this {
    const edge = this.last * this.size + node.location;
    const travel = this.durationMatrix[edge]!;
    const atSecond = this.duration - this.timeWarp + travel;
    const waitGain = Math.max(node.sufEarly - atSecond - this.late, 0);
    const warpGain = Math.max(this.early + atSecond - node.sufLate, 0);
    this.distance += this.distanceMatrix[edge]! + node.sufDistance;
    this.duration += node.sufDuration + travel + waitGain;
    this.timeWarp += node.sufTimeWarp + warpGain;
    this.early = Math.max(node.sufEarly - atSecond, this.early) - waitGain;
    this.late = Math.min(node.sufLate - atSecond, this.late) + warpGain;
    this.load = Math.max(this.load + node.sufDelivery, node.sufLoad + this.pickup);
    this.delivery += node.sufDelivery;
    this.pickup += node.sufPickup;
    // Clients from `node` on; an end depot adds none (nodes.length - 1 is its index).
    this.clients += node.route!.nodes.length - 1 - node.index;
    this.last = node.route!.end.location;
    return this;
  }

  /** Appends a depot visit with its own window (used when a tail moves to a route with another end). */
  appendDepot(depot: SearchNode): this {
    const edge = this.last * this.size + depot.location;
    const travel = this.durationMatrix[edge]!;
    const atSecond = this.duration - this.timeWarp + travel;
    const waitGain = Math.max(depot.early - atSecond - this.late, 0);
    const warpGain = Math.max(this.early + atSecond - depot.late, 0);
    this.distance += this.distanceMatrix[edge]!;
    this.duration += travel + waitGain;
    this.timeWarp += warpGain;
    this.early = Math.max(depot.early - atSecond, this.early) - waitGain;
    this.late = Math.min(depot.late - atSecond, this.late) + warpGain;
    this.last = depot.location;
    return this;
  }

  /** Penalised cost of the built route for a vehicle type; an empty route costs nothing. */
  cost(type: VehicleTypeData): number {
    if (this.clients === 0) return 0;
    const timeWarp = this.timeWarp + Math.max(0, this.duration - type.maxDuration);
    return (
      type.fixedCost +
      type.unitDistanceCost * this.distance +
      type.unitDurationCost * this.duration +
      this.penalties.load * Math.max(0, this.load - type.capacity) +
      this.penalties.timeWarp * timeWarp
    );
  }
}
