import { LatestRequest } from '$lib/api/latest-request.svelte';
import type { MessageKey, MessageParams } from '$lib/i18n/dictionary';
import type { MovementKind, StockLevel, StockMovement } from '@terep/db/contract';
import { fetchMovements, fetchStock, recordMovement } from './donations-client';
import { todayIso } from './donation-format';

export interface DeskNotice {
  key: MessageKey;
  params: MessageParams;
}

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
  saving = $state(false);
  notice = $state.raw<DeskNotice | null>(null);
  problem = $state.raw<unknown>(null);

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
    if (this.saving || !this.ready || this.warehouseId === null || this.quantity === null) return;
    this.saving = true;
    this.problem = null;
    this.notice = null;
    try {
      const { id } = await recordMovement({
        warehouseId: this.warehouseId,
        item: this.item,
        quantity: this.quantity,
        kind: this.kind,
        ...(this.kind === 'transferred' && this.toWarehouseId !== null ? { toWarehouseId: this.toWarehouseId } : {}),
        ...(this.reason.trim() ? { reason: this.reason.trim() } : {}),
        date: this.date,
      });
      this.notice = { key: 'donations.stock.movement.recorded', params: { id } };
      this.quantity = null;
      this.reason = '';
      await this.load(withMovements);
    } catch (error) {
      this.problem = error;
    } finally {
      this.saving = false;
    }
  }

  destroy(): void {
    this.request.destroy();
  }
}
