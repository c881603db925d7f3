import type { Penalties } from '../search/penalties.ts';

export interface PenaltyParameters {
  /** Share of local-search results that should satisfy each constraint. */
  targetFeasible: number;
  /** Results registered between two adjustments. */
  window: number;
  increase: number;
  decrease: number;
  /** Penalty multiplier for the repair pass of an infeasible offspring. */
  repairBooster: number;
}

export const DEFAULT_PENALTIES: PenaltyParameters = { targetFeasible: 0.4, window: 100, increase: 1.2, decrease: 0.85, repairBooster: 10 };

const MINIMUM = 0.1;
const MAXIMUM = 100_000;

/**
 * Adapts the load and time-warp penalty weights so that about `targetFeasible` of the search's
 * results respect each constraint (HGS-CVRP's penalty management, one weight per constraint).
 */
export class PenaltyManager {
  readonly penalties: Penalties;
  private loadFeasible = 0;
  private timeFeasible = 0;
  private registered = 0;

  constructor(
    initial: Penalties,
    private readonly parameters: PenaltyParameters,
  ) {
    this.penalties = { load: clamp(initial.load), timeWarp: clamp(initial.timeWarp) };
  }

  /** Counts one local-search result; returns true when the weights just changed. */
  register(loadFeasible: boolean, timeFeasible: boolean): boolean {
    this.loadFeasible += loadFeasible ? 1 : 0;
    this.timeFeasible += timeFeasible ? 1 : 0;
    this.registered += 1;
    if (this.registered < this.parameters.window) return false;
    this.penalties.load = this.adjusted(this.penalties.load, this.loadFeasible / this.registered);
    this.penalties.timeWarp = this.adjusted(this.penalties.timeWarp, this.timeFeasible / this.registered);
    this.loadFeasible = 0;
    this.timeFeasible = 0;
    this.registered = 0;
    return true;
  }

  boosted(): Penalties {
    return { load: this.penalties.load * this.parameters.repairBooster, timeWarp: this.penalties.timeWarp * this.parameters.repairBooster };
  }

  private adjusted(weight: number, feasibleShare: number): number {
    const { targetFeasible, increase, decrease } = this.parameters;
    if (feasibleShare < targetFeasible - 0.05) return clamp(weight * increase);
    if (feasibleShare > targetFeasible + 0.05) return clamp(weight * decrease);
    return weight;
  }
}

function clamp(weight: number): number {
  return Math.min(MAXIMUM, Math.max(MINIMUM, weight));
}
