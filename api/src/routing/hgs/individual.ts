import type { ProblemData } from '../model.ts';
import type { Penalties } from '../search/penalties.ts';
import type { Solution, SolutionRoute } from '../solution.ts';

const DEPOT = -1;

/**
 * A solution in the population, with the cost parts kept apart so its penalised cost can be
 * recomputed whenever the penalty weights change, and its arcs kept for the diversity measure.
 */
export class Individual {
  /** Fixed, distance and duration costs: the objective when feasible. */
  readonly objective: number;
  readonly excessLoad: number;
  /** Time warp plus duration above each vehicle's maximum. */
  readonly timeWarp: number;
  readonly numRoutes: number;
  /** Per client: successor and predecessor client, or -1 for a depot. */
  readonly successors: Int32Array;
  readonly predecessors: Int32Array;
  /** Routes with neither excess load nor time warp. */
  readonly feasibleRoutes: SolutionRoute[] = [];

  constructor(
    data: ProblemData,
    readonly solution: Solution,
  ) {
    const size = data.numLocations;
    const numDepots = data.numDepots;
    this.successors = new Int32Array(data.numClients).fill(DEPOT);
    this.predecessors = new Int32Array(data.numClients).fill(DEPOT);
    let objective = 0;
    let excessLoad = 0;
    let timeWarp = 0;
    let numRoutes = 0;
    for (const route of solution.routes) {
      if (route.clients.length === 0) continue;
      numRoutes += 1;
      const type = data.vehicleTypes[route.vehicleType]!;
      // Forward concatenation of duration segments, as the search's route data does.
      let previous = type.startDepot;
      let distance = 0;
      let duration = 0;
      let warp = 0;
      let early = Math.max(data.twEarly[previous]!, type.twEarly);
      let late = Math.min(data.twLate[previous]!, type.twLate);
      let delivery = 0;
      let pickup = 0;
      let load = 0;
      const visit = (location: number, service: number, windowEarly: number, windowLate: number): void => {
        const arc = previous * size + location;
        const travel = data.duration[arc]!;
        const atSecond = duration - warp + travel;
        const waitGain = Math.max(windowEarly - atSecond - late, 0);
        const warpGain = Math.max(early + atSecond - windowLate, 0);
        distance += data.distance[arc]!;
        duration += service + travel + waitGain;
        warp += warpGain;
        early = Math.max(windowEarly - atSecond, early) - waitGain;
        late = Math.min(windowLate - atSecond, late) + warpGain;
        previous = location;
      };
      route.clients.forEach((client, position) => {
        const location = numDepots + client;
        visit(location, data.serviceDuration[location]!, data.twEarly[location]!, data.twLate[location]!);
        const clientDelivery = data.delivery[location]!;
        const clientPickup = data.pickup[location]!;
        load = Math.max(load + clientDelivery, Math.max(clientDelivery, clientPickup) + pickup);
        delivery += clientDelivery;
        pickup += clientPickup;
        this.predecessors[client] = position === 0 ? DEPOT : route.clients[position - 1]!;
        this.successors[client] = position === route.clients.length - 1 ? DEPOT : route.clients[position + 1]!;
      });
      visit(type.endDepot, 0, 0, Math.min(data.twLate[type.endDepot]!, type.twLate));
      objective += type.fixedCost + type.unitDistanceCost * distance + type.unitDurationCost * duration;
      const routeExcess = Math.max(0, load - type.capacity);
      const routeWarp = warp + Math.max(0, duration - type.maxDuration);
      if (routeExcess === 0 && routeWarp === 0) this.feasibleRoutes.push(route);
      excessLoad += routeExcess;
      timeWarp += routeWarp;
    }
    this.objective = objective;
    this.excessLoad = excessLoad;
    this.timeWarp = timeWarp;
    this.numRoutes = numRoutes;
  }

  get feasible(): boolean {
    return this.excessLoad === 0 && this.timeWarp === 0;
  }

  penalisedCost(penalties: Penalties): number {
    return this.objective + penalties.load * this.excessLoad + penalties.timeWarp * this.timeWarp;
  }

  /** Broken pairs distance (Prins 2009, as in HGS-CVRP): share of clients whose neighbours differ. */
  distanceTo(other: Individual): number {
    const count = this.successors.length;
    let differences = 0;
    for (let client = 0; client < count; client += 1) {
      const successor = this.successors[client]!;
      const predecessor = this.predecessors[client]!;
      if (successor !== other.successors[client] && successor !== other.predecessors[client]) differences += 1;
      // A route start that is inside a route of the other, read either way round.
      if (predecessor === DEPOT && other.predecessors[client] !== DEPOT && other.successors[client] !== DEPOT) differences += 1;
    }
    return differences / Math.max(1, count);
  }
}
