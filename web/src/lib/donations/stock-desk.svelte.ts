import { LatestRequest } from '$lib/api/latest-request.svelte';
import { Submission } from '$lib/forms/submission.svelte';
import type { MovementKind, StockLevel, StockMovement } from '@terep/db/contract';
import { fetchMovements, fetchStock, recordMovement } from './donations-client';
import { todayIso } from './donation-format';

/** The kinds recorded by hand here: deliveries and offers record theirs themselves. */
export const HAND_MOVEMENTS: readonly MovementKind[] = ['received', 'transferred', 'adjusted', 'expired'];

/** The stock page: levels per warehouse from the ledger, the latest movements, and a movement form. */
export class StockDesk {
  levels = $state.raw<StockLevel[] | null>(null);
  movements = $state.raw<StockMovement[] | null>(null);
  readonly request = new LatestRequest();

  warehouseId = $state<number | null>(null);
  item = $state('');
  kind = $state<MovementKind>('received');
  quantity = $state<number | null>(null);
  toWarehouseId = $state<number | null>(null);
  reason = $state('');
  date = $state(todayIso());
  readonly form = new Submission();

  load(withMovements: boolean): Promise<void> {
    return this.request.run(async (signal) => {
      const [levels, movements] = await Promise.all([fetchStock(signal), withMovements ? fetchMovements({ limit: 50 }, signal) : Promise.resolve(null)]);
      this.levels = levels;
      this.movements = movements?.movements ?? null;
    });
  }

  get ready(): boolean {
    return this.warehouseId !== null && this.item !== '' && this.quantity !== null && this.quantity !== 0 && (this.kind !== 'transferred' || this.toWarehouseId !== null);
  }

  async submit(withMovements: boolean): Promise<void> {
    if (!this.ready || this.warehouseId === null || this.quantity === null) return;
    const input = {
      warehouseId: this.warehouseId,
      item: this.item,
      quantity: this.quantity,
      kind: this.kind,
      ...(this.kind === 'transferred' && this.toWarehouseId !== null ? { toWarehouseId: this.toWarehouseId } : {}),
      ...(this.reason.trim() ? { reason: this.reason.trim() } : {}),
      date: this.date,
    };
    await this.form.run(async () => {
      const { id } = await recordMovement(input);
      this.form.notice = { key: 'donations.stock.movement.recorded', params: { id } };
      this.quantity = null;
      this.reason = '';
      await this.load(withMovements);
    });
  }

  destroy(): void {
    this.request.destroy();
  }
}
