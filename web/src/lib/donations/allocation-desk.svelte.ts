import { ApiError } from '$lib/api/api-error';
import { LatestRequest } from '$lib/api/latest-request.svelte';
import type { Allocation, AllocationSummary, DonationRequest } from '@terep/db/contract';
import { commitAllocation, computeAllocation, fetchAllocation, fetchAllocations, fetchRequests } from './donations-client';

/** The allocation page: compute one (optionally for some items and warehouses), read it, commit it, and the earlier ones. */
export class AllocationDesk {
  items = $state<string[]>([]);
  warehouseIds = $state<number[]>([]);
  allocation = $state.raw<Allocation | null>(null);
  history = $state.raw<AllocationSummary[]>([]);
  requests = $state.raw<DonationRequest[]>([]);
  readonly runRequest = new LatestRequest();
  readonly listRequest = new LatestRequest();
  committing = $state(false);
  commitProblem = $state.raw<unknown>(null);

  get stale(): boolean {
    return this.commitProblem instanceof ApiError && this.commitProblem.code === 'ALLOCATION_STALE';
  }

  request(id: number): DonationRequest | undefined {
    return this.requests.find((entry) => entry.id === id);
  }

  loadHistory(): Promise<void> {
    return this.listRequest.run(async (signal) => {
      const [{ allocations }, { requests }] = await Promise.all([fetchAllocations(signal), fetchRequests({}, signal)]);
      this.history = allocations;
      this.requests = requests;
    });
  }

  run(): Promise<void> {
    this.commitProblem = null;
    return this.runRequest.run(async (signal) => {
      this.allocation = await computeAllocation(
        {
          ...(this.items.length > 0 ? { items: this.items } : {}),
          ...(this.warehouseIds.length > 0 ? { warehouseIds: this.warehouseIds } : {}),
        },
        signal,
      );
      await this.loadHistory();
    });
  }

  open(id: number): Promise<void> {
    this.commitProblem = null;
    return this.runRequest.run(async (signal) => {
      this.allocation = await fetchAllocation(id, signal);
    });
  }

  async commit(): Promise<void> {
    const allocation = this.allocation;
    if (!allocation || this.committing) return;
    this.committing = true;
    this.commitProblem = null;
    try {
      this.allocation = await commitAllocation(allocation.id);
    } catch (error) {
      this.commitProblem = error;
    } finally {
      this.committing = false;
      await this.loadHistory();
    }
  }

  destroy(): void {
    this.runRequest.destroy();
    this.listRequest.destroy();
  }
}
