import type { DeliveryRecorded } from '@terep/db/contract';
import { recordDelivery } from './donations-client';
import { todayIso } from './donation-format';
import { deliveryLines, type HeldLine } from './delivery-lines';


/** Confirming what one warehouse's route delivered for an allocation (in full, or what arrived). */
export class DeliveryDesk {
  delivered = $state<Record<number, number | null>>({});
  collected = $state<number[]>([]);
  date = $state(todayIso());
  confirming = $state(false);
  recorded = $state.raw<DeliveryRecorded | null>(null);
  problem = $state.raw<unknown>(null);

  constructor(
    readonly allocationId: number,
    readonly warehouseId: number,
    readonly held: readonly HeldLine[],
    readonly offerIds: readonly number[],
    readonly routeScenarioId: number | null,
  ) {
    this.delivered = Object.fromEntries(held.map((line) => [line.requestId, line.held]));
    this.collected = [...offerIds];
  }

  /** Whether what is entered is less than everything held. */
  get partial(): boolean {
    return this.held.some((line) => (this.delivered[line.requestId] ?? 0) < line.held) || this.collected.length < this.offerIds.length;
  }

  toggleOffer(id: number, on: boolean): void {
    this.collected = on ? [...new Set([...this.collected, id])] : this.collected.filter((entry) => entry !== id);
  }

  async confirm(onDone?: () => void | Promise<void>): Promise<void> {
    if (this.confirming) return;
    this.confirming = true;
    this.problem = null;
    try {
      const lines = deliveryLines(this.held, this.delivered, !this.partial);
      this.recorded = await recordDelivery(this.allocationId, {
        warehouseId: this.warehouseId,
        ...(this.routeScenarioId !== null ? { routeScenarioId: this.routeScenarioId } : {}),
        ...(lines ? { lines } : {}),
        ...(this.collected.length > 0 ? { collectedOfferIds: this.collected } : {}),
        date: this.date,
      });
      await onDone?.();
    } catch (error) {
      this.problem = error;
    } finally {
      this.confirming = false;
    }
  }
}
