import type { ProblemData, VehicleTypeData } from '../model.ts';
import type { Penalties } from './penalties.ts';

/**
 * A visit in the local search. Each node caches the route data of the segment from the start depot
 * up to itself (prefix) and from itself to the end depot (suffix), so that a move's new routes are
 * a few O(1) concatenations (Vidal et al. 2013, "A unified solution framework for multi-attribute
 * vehicle routing problems"; Vidal 2022, HGS-CVRP).
 *
 * Duration segment data: minimum duration (travel, service and forced waiting), time warp, and the
 * earliest and latest start of the segment's first visit that add no time warp. Load segment data:
 * deliveries, pickups and the peak load, which handles simultaneous pickup and delivery.
 */
export class SearchNode {
  route: SearchRoute | null = null;
  /** Position in `route.nodes`; the start depot is 0. */
  index = 0;

  preDistance = 0;
  preDuration = 0;
  preTimeWarp = 0;
  preEarly = 0;
  preLate = 0;
  preDelivery = 0;
  prePickup = 0;
  preLoad = 0;

  sufDistance = 0;
  sufDuration = 0;
  sufTimeWarp = 0;
  sufEarly = 0;
  sufLate = 0;
  sufDelivery = 0;
  sufPickup = 0;
  sufLoad = 0;

  /** Distance to the next visit, and the distance saved by taking this visit out (0 for depots). */
  nextArc = 0;
  removalGain = 0;

  /** LS bookkeeping: move count when this node's neighbourhood was last fully tested. */
  lastTested = -1;

  constructor(
    readonly location: number,
    readonly isDepot: boolean,
    /** Own window; for depot nodes the depot's hours narrowed to the vehicle's shift. */
    readonly early: number,
    readonly late: number,
  ) {}
}

export class SearchRoute {
  readonly start: SearchNode;
  readonly end: SearchNode;
  nodes: SearchNode[];
  readonly type: VehicleTypeData;
  /** Copied from the type: read in every move evaluation. */
  readonly fixedCost: number;
  readonly unitDistanceCost: number;

  distance = 0;
  duration = 0;
  timeWarp = 0;
  load = 0;
  /** Penalised cost with the penalties of the last update; 0 when empty. */
  cost = 0;
  /**
   * The part of `cost` a move can remove but that a distance-only estimate does not see
   * (penalties and duration cost): distance delta minus this bounds a move's gain from below.
   */
  reducible = 0;
  /** Bumped by every update: caches keyed on a route's content compare versions. */
  version = 0;
  /** Move counter value of the last change; the search skips pairs unchanged since last tested. */
  lastModified = 0;
  lastTestedSwapStar = -1;
  /** Polar sector of the clients around the pivot, in [0, 65536) units, for SWAP* route pairing. */
  sectorStart = 0;
  sectorEnd = 0;

  constructor(
    readonly id: number,
    readonly vehicleType: number,
    data: ProblemData,
  ) {
    this.type = data.vehicleTypes[vehicleType]!;
    this.fixedCost = this.type.fixedCost;
    this.unitDistanceCost = this.type.unitDistanceCost;
    const startDepot = this.type.startDepot;
    const endDepot = this.type.endDepot;
    this.start = new SearchNode(startDepot, true, Math.max(data.twEarly[startDepot]!, this.type.twEarly), Math.min(data.twLate[startDepot]!, this.type.twLate));
    // Arriving early at the end depot costs nothing: its opening time does not apply.
    this.end = new SearchNode(endDepot, true, 0, Math.min(data.twLate[endDepot]!, this.type.twLate));
    this.start.route = this;
    this.end.route = this;
    this.nodes = [this.start, this.end];
  }

  get numClients(): number {
    return this.nodes.length - 2;
  }

  isEmpty(): boolean {
    return this.nodes.length === 2;
  }

  clear(): void {
    this.nodes.length = 0;
    this.nodes.push(this.start, this.end);
  }

  /** Recomputes every node's prefix and suffix data and the route totals. O(route length). */
  update(data: ProblemData, penalties: Penalties, angles: Int32Array): void {
    this.version += 1;
    const nodes = this.nodes;
    const last = nodes.length - 1;
    const size = data.numLocations;
    const distanceMatrix = data.distance;
    const durationMatrix = data.duration;
    const service = data.serviceDuration;
    const deliveries = data.delivery;
    const pickups = data.pickup;

    const start = nodes[0]!;
    start.index = 0;
    start.preDistance = 0;
    start.preDuration = 0;
    start.preTimeWarp = 0;
    start.preEarly = start.early;
    start.preLate = start.late;
    start.preDelivery = 0;
    start.prePickup = 0;
    start.preLoad = 0;
    let previous = start;
    for (let index = 1; index <= last; index += 1) {
      const node = nodes[index]!;
      node.index = index;
      node.route = this;
      const from = previous.location;
      const to = node.location;
      const travel = durationMatrix[from * size + to]!;
      const arc = distanceMatrix[from * size + to]!;
      previous.nextArc = arc;
      const atSecond = previous.preDuration - previous.preTimeWarp + travel;
      const waitGain = Math.max(node.early - atSecond - previous.preLate, 0);
      const warpGain = Math.max(previous.preEarly + atSecond - node.late, 0);
      const nodeService = node.isDepot ? 0 : service[to]!;
      node.preDistance = previous.preDistance + arc;
      node.preDuration = previous.preDuration + nodeService + travel + waitGain;
      node.preTimeWarp = previous.preTimeWarp + warpGain;
      node.preEarly = Math.max(node.early - atSecond, previous.preEarly) - waitGain;
      node.preLate = Math.min(node.late - atSecond, previous.preLate) + warpGain;
      const delivery = node.isDepot ? 0 : deliveries[to]!;
      const pickup = node.isDepot ? 0 : pickups[to]!;
      node.preLoad = Math.max(previous.preLoad + delivery, Math.max(delivery, pickup) + previous.prePickup);
      node.preDelivery = previous.preDelivery + delivery;
      node.prePickup = previous.prePickup + pickup;
      previous = node;
    }

    for (let index = 1; index < last; index += 1) {
      const node = nodes[index]!;
      const before = nodes[index - 1]!;
      node.removalGain = before.nextArc + node.nextArc - distanceMatrix[before.location * size + nodes[index + 1]!.location]!;
    }
    const end = nodes[last]!;
    end.nextArc = 0;
    end.sufDistance = 0;
    end.sufDuration = 0;
    end.sufTimeWarp = 0;
    end.sufEarly = end.early;
    end.sufLate = end.late;
    end.sufDelivery = 0;
    end.sufPickup = 0;
    end.sufLoad = 0;
    let next = end;
    for (let index = last - 1; index >= 0; index -= 1) {
      const node = nodes[index]!;
      const from = node.location;
      const to = next.location;
      const travel = durationMatrix[from * size + to]!;
      const nodeService = node.isDepot ? 0 : service[from]!;
      const atSecond = nodeService + travel;
      const waitGain = Math.max(next.sufEarly - atSecond - node.late, 0);
      const warpGain = Math.max(node.early + atSecond - next.sufLate, 0);
      node.sufDistance = next.sufDistance + node.nextArc;
      node.sufDuration = nodeService + next.sufDuration + travel + waitGain;
      node.sufTimeWarp = next.sufTimeWarp + warpGain;
      node.sufEarly = Math.max(next.sufEarly - atSecond, node.early) - waitGain;
      node.sufLate = Math.min(next.sufLate - atSecond, node.late) + warpGain;
      const delivery = node.isDepot ? 0 : deliveries[from]!;
      const pickup = node.isDepot ? 0 : pickups[from]!;
      node.sufLoad = Math.max(Math.max(delivery, pickup) + next.sufDelivery, next.sufLoad + pickup);
      node.sufDelivery = next.sufDelivery + delivery;
      node.sufPickup = next.sufPickup + pickup;
      next = node;
    }

    const type = this.type;
    this.distance = end.preDistance;
    this.duration = end.preDuration;
    this.timeWarp = end.preTimeWarp + Math.max(0, end.preDuration - type.maxDuration);
    this.load = end.preLoad;
    if (last === 1) {
      this.cost = 0;
      this.reducible = 0;
    } else {
      const penalty = penalties.load * Math.max(0, this.load - type.capacity) + penalties.timeWarp * this.timeWarp;
      this.reducible = penalty + type.unitDurationCost * this.duration;
      this.cost = type.fixedCost + type.unitDistanceCost * this.distance + this.reducible;
    }
    this.updateSector(angles);
  }

  private updateSector(angles: Int32Array): void {
    const nodes = this.nodes;
    const last = nodes.length - 1;
    if (last < 2) {
      this.sectorStart = 0;
      this.sectorEnd = 0;
      return;
    }
    // Grow the sector one client at a time, always the shorter way round (as HGS-CVRP's CircleSector).
    for (let index = 1; index < last; index += 1) {
      const angle = angles[nodes[index]!.location]!;
      if (index === 1) {
        this.sectorStart = angle;
        this.sectorEnd = angle;
      } else if (!sectorContains(this.sectorStart, this.sectorEnd, angle)) {
        if (positiveMod(angle - this.sectorEnd) <= positiveMod(this.sectorStart - angle)) this.sectorEnd = angle;
        else this.sectorStart = angle;
      }
    }
  }
}

export function polarAngle(dx: number, dy: number): number {
  return positiveMod(Math.round((32768 * Math.atan2(dy, dx)) / Math.PI));
}

function positiveMod(value: number): number {
  return ((value % 65536) + 65536) % 65536;
}

function sectorContains(start: number, end: number, angle: number): boolean {
  return positiveMod(angle - start) <= positiveMod(end - start);
}

export function sectorsOverlap(first: SearchRoute, second: SearchRoute, tolerance: number): boolean {
  const startA = positiveMod(first.sectorStart - tolerance);
  const endA = positiveMod(first.sectorEnd + tolerance);
  return (
    positiveMod(second.sectorStart - startA) <= positiveMod(endA - startA) ||
    positiveMod(startA - second.sectorStart) <= positiveMod(second.sectorEnd - second.sectorStart)
  );
}
