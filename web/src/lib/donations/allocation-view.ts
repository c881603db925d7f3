import type { Allocation, DonationRequest } from '@terep/db/contract';
import type { HeldLine } from './delivery-lines';

/** An allocation's assignments grouped by warehouse, in the order the warehouses first appear. */
export function assignmentsByWarehouse(allocation: Pick<Allocation, 'assignments'>): { warehouseId: number; assignments: Allocation['assignments'] }[] {
  const groups = new Map<number, Allocation['assignments']>();
  for (const assignment of allocation.assignments) groups.set(assignment.warehouseId, [...(groups.get(assignment.warehouseId) ?? []), assignment]);
  return [...groups.entries()].map(([warehouseId, assignments]) => ({ warehouseId, assignments }));
}

/**
 * What a warehouse's delivery may still confirm per request: the allocation's assignment, but no
 * more than the request still holds committed or in transit (an earlier partial delivery took the rest).
 */
export function heldLines(assignments: Allocation['assignments'], requests: readonly DonationRequest[]): HeldLine[] {
  return assignments.flatMap((assignment) => {
    const request = requests.find((entry) => entry.id === assignment.requestId);
    const held = request ? Math.min(assignment.quantity, request.committed + request.inTransit) : assignment.quantity;
    return held > 0 ? [{ requestId: assignment.requestId, item: assignment.item, settlementName: request?.settlementName ?? '', held }] : [];
  });
}
