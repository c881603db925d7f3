import { LatestRequest } from '$lib/api/latest-request.svelte';
import type { LonLat } from '$lib/api/contract';
import type { LogisticsState } from '$lib/logistics/logistics-state.svelte';
import { fetchSettlementProfile } from '$lib/profile/profile-client';
import type { AllocationRouteProblem } from '@terep/db/contract';
import { DeliveryDesk } from './delivery-desk.svelte';
import { dispatchAllocation, fetchAllocationRoutes } from './donations-client';
import { deliveryOfProblem, draftsOfProblem, stopsWithoutPlace } from './route-problem-drafts';

/**
 * A committed donation allocation on the logistics page (`/logistics?allocation=ID&warehouse=WID`):
 * its route problem per warehouse, the one filled into the route planner, and, once the planner has
 * made (and saved) a plan for it, the delivery confirmation of that plan.
 */
export class AllocationRoutes {
  problems = $state.raw<AllocationRouteProblem[] | null>(null);
  warehouseId = $state<number | null>(null);
  readonly request = new LatestRequest();
  /** Settlement names and centres of stops the problems do not place themselves. */
  #places = new Map<string, { name: string; position: LonLat }>();
  /** The delivery desk of the plan shown, kept per saved plan so a reload of the list keeps what was typed. */
  #deliveries = new Map<string, DeliveryDesk>();

  constructor(
    readonly allocationId: number,
    readonly logistics: LogisticsState,
  ) {}

  get problem(): AllocationRouteProblem | null {
    return this.problems?.find((entry) => entry.warehouseId === this.warehouseId) ?? null;
  }

  /** Loads the problems and fills in `preferredWarehouse`'s (else the first). */
  load(preferredWarehouse: number | null): Promise<void> {
    return this.request.run(async (signal) => {
      const { problems } = await fetchAllocationRoutes(this.allocationId, signal);
      const codes = [...new Set(problems.flatMap(stopsWithoutPlace))].filter((code) => !this.#places.has(code));
      const profiles = await Promise.all(codes.map((code) => fetchSettlementProfile(code, signal)));
      for (const profile of profiles) this.#places.set(profile.code, { name: profile.name, position: profile.point });
      this.problems = problems;
      const chosen = problems.find((entry) => entry.warehouseId === preferredWarehouse) ?? problems[0];
      if (chosen) this.use(chosen.warehouseId);
    });
  }

  /** Fills the planner with a warehouse's problem (its plan is made by the planner's own button). */
  use(warehouseId: number): void {
    const problem = this.problems?.find((entry) => entry.warehouseId === warehouseId);
    if (!problem) return;
    this.warehouseId = warehouseId;
    this.logistics.useProblem(draftsOfProblem(problem, this.logistics.warehouses, this.#places));
  }

  nameOf = (code: string): string => this.#places.get(code)?.name ?? this.logistics.stops.find((stop) => stop.settlementCode === code)?.name ?? code;

  /** The confirmation of the plan shown, when it was made for the problem filled in. */
  get delivery(): DeliveryDesk | null {
    const problem = this.problem;
    const scenarioId = this.logistics.scenarioId;
    if (!problem || scenarioId === null || !this.logistics.plan) return null;
    const key = `${problem.warehouseId}:${scenarioId}`;
    let desk = this.#deliveries.get(key);
    if (!desk) {
      const { held, offerIds } = deliveryOfProblem(problem, this.nameOf);
      desk = new DeliveryDesk(this.allocationId, problem.warehouseId, held, offerIds, scenarioId);
      this.#deliveries.set(key, desk);
    }
    return desk;
  }

  /** Plans whose quantities were put on the road, by `warehouse:scenario`. */
  dispatched = $state<string[]>([]);
  dispatching = $state(false);
  dispatchProblem = $state.raw<unknown>(null);

  get isDispatched(): boolean {
    return this.dispatched.includes(`${this.warehouseId}:${this.logistics.scenarioId}`);
  }

  /** Puts the warehouse's committed quantities on the road with the plan shown (committed → in transit). */
  async dispatch(): Promise<void> {
    const warehouseId = this.warehouseId;
    const scenarioId = this.logistics.scenarioId;
    if (warehouseId === null || scenarioId === null || this.dispatching) return;
    this.dispatching = true;
    this.dispatchProblem = null;
    try {
      await dispatchAllocation(this.allocationId, warehouseId, scenarioId);
      this.dispatched = [...this.dispatched, `${warehouseId}:${scenarioId}`];
    } catch (error) {
      this.dispatchProblem = error;
    } finally {
      this.dispatching = false;
    }
  }

  destroy(): void {
    this.request.destroy();
  }
}
