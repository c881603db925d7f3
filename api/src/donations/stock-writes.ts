import {
  changeStock, insertMovement, lockStock, recordAudit, stockKey,
  type AuditActor, type Database, type DonationItem, type Engine, type LockedStock, type MovementKind, type MovementRow, type Transaction,
} from '@terep/db';
import { ApiError } from '../http/api-error.ts';
import { checkQuantity, findOffer, findRequest, knownItem, knownWarehouse } from './donation-checks.ts';

/** A movement as the API takes it (`POST /api/stock/movements`), its fields checked for type by the route. */
export interface MovementRequest {
  warehouseId: number;
  item: string;
  quantity: number;
  kind: MovementKind;
  toWarehouseId?: number | undefined;
  reason?: string | undefined;
  offerId?: number | undefined;
  requestId?: number | undefined;
  date?: string | undefined;
}

/** The ledger entry a request means: `quantity` signed as the change at `warehouseId`. */
async function movementRow(trx: Transaction<Database>, input: MovementRequest, recordedBy: string): Promise<{ row: MovementRow; item: DonationItem }> {
  const item = await knownItem(trx, input.item);
  const adjusted = input.kind === 'adjusted';
  checkQuantity(item, input.quantity, { allowNegative: adjusted });
  await knownWarehouse(trx, input.warehouseId);
  const transfer = input.kind === 'transferred';
  if (transfer) {
    if (input.toWarehouseId === undefined) throw missing('toWarehouseId', 'a transfer names the warehouse it goes to');
    if (input.toWarehouseId === input.warehouseId) throw missing('toWarehouseId', 'a transfer goes to another warehouse');
    await knownWarehouse(trx, input.toWarehouseId);
  } else if (input.toWarehouseId !== undefined) {
    throw missing('toWarehouseId', 'only a transfer goes to another warehouse');
  }
  if (input.offerId !== undefined) await findOffer(trx, input.offerId);
  if (input.requestId !== undefined) await findRequest(trx, input.requestId);
  const reason = input.reason?.trim() || null;
  if (adjusted && !reason) throw missing('reason', 'an adjustment says why');
  const sign = input.kind === 'received' || adjusted ? 1 : -1;
  return {
    item,
    row: {
      kind: input.kind, warehouseId: input.warehouseId, toWarehouseId: transfer ? input.toWarehouseId! : null, item: item.key,
      quantity: sign * input.quantity, reason, offerId: input.offerId ?? null, requestId: input.requestId ?? null, allocationId: null,
      routeScenarioId: null, date: input.date ?? null, importId: null, recordedBy,
    },
  };
}

function missing(field: string, why: string): ApiError {
  return new ApiError(400, 'INVALID_PARAMETER', `Invalid "${field}": ${why}.`, { reason: 'invalid-field', field });
}

/** 409 STOCK_INSUFFICIENT: taking `requested` would leave less than nothing of what is not reserved. */
export function insufficient(stock: LockedStock, requested: number): ApiError {
  const available = stock.quantity - stock.reserved;
  return new ApiError(409, 'STOCK_INSUFFICIENT',
    `Warehouse #${stock.warehouseId} has ${available} of "${stock.item}" available (${stock.reserved} reserved); ${requested} cannot be taken.`,
    { warehouseId: stock.warehouseId, item: stock.item, available, requested });
}

/**
 * Writes one ledger entry and its effect on the stock rows, in the caller's transaction, after
 * locking those rows: a movement out may take only what is on hand and not reserved by committed
 * allocations, so two writers racing for the last parcels queue on the row and the second is
 * refused (409 STOCK_INSUFFICIENT) with nothing written.
 */
export async function applyMovement(trx: Transaction<Database>, row: MovementRow): Promise<number> {
  const locked = await lockStock(trx, [
    { warehouseId: row.warehouseId, item: row.item },
    ...(row.toWarehouseId === null ? [] : [{ warehouseId: row.toWarehouseId, item: row.item }]),
  ]);
  const stock = locked.get(stockKey(row.warehouseId, row.item))!;
  if (row.quantity < 0 && stock.quantity - stock.reserved + row.quantity < 0) throw insufficient(stock, -row.quantity);
  const id = await insertMovement(trx, row);
  await changeStock(trx, row.warehouseId, row.item, { quantity: row.quantity });
  if (row.toWarehouseId !== null) await changeStock(trx, row.toWarehouseId, row.item, { quantity: -row.quantity });
  return id;
}

/** `POST /api/stock/movements`: one checked movement and its audit entry in one transaction; answers its id. */
export async function recordMovement(engine: Engine, actor: AuditActor, input: MovementRequest): Promise<number> {
  return engine.db.transaction().execute(async (trx) => {
    const { row } = await movementRow(trx, input, actor.username);
    const id = await applyMovement(trx, row);
    await recordAudit(trx, { actor, action: 'create', objectKind: 'stock-movement', objectId: id, before: null, after: { id, ...row } });
    return id;
  });
}
