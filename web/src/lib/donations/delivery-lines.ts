/** A request a warehouse's delivery may confirm, with what the allocation still holds for it. */
export interface HeldLine {
  requestId: number;
  item: string;
  settlementName: string;
  held: number;
}

/**
 * The lines of a delivery: none for a full one (the server takes everything the allocation holds
 * for the warehouse), else each request with what arrived, left out when nothing did.
 */
export function deliveryLines(held: readonly HeldLine[], delivered: Readonly<Record<number, number | null>>, full: boolean): { requestId: number; quantity: number }[] | undefined {
  if (full) return undefined;
  return held.flatMap((line) => {
    const quantity = delivered[line.requestId] ?? 0;
    return quantity > 0 ? [{ requestId: line.requestId, quantity: Math.min(quantity, line.held) }] : [];
  });
}
