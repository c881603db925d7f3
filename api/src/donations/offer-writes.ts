import {
  insertDonationOffer, locatePoints, readDonationOffer, recordAudit, updateOfferStatus,
  type AuditActor, type Database, type DonationOffer, type DonationOfferValues, type Engine, type Kysely, type OfferInput, type OfferStatus, type Transaction,
} from '@terep/db';
import { ApiError } from '../http/api-error.ts';
import { checkQuantity, findOffer, knownItem, knownSettlement, knownWarehouse } from './donation-checks.ts';
import { applyMovement } from './stock-writes.ts';

type Db = Kysely<Database> | Transaction<Database>;

function invalid(field: string, why: string): ApiError {
  return new ApiError(400, 'INVALID_PARAMETER', `Invalid "${field}": ${why}.`, { reason: 'invalid-field', field });
}

/**
 * Checks an offer and places it: a private donor comes without name or contact (400
 * PERSONAL_DATA_NOT_STORED: Terep does not keep them), other donors with a name; a settlement, or
 * a point inside Hungary whose settlement PostGIS finds; known items in valid quantities.
 */
export async function checkOffer(db: Db, input: OfferInput, importRef: { importId: number; sourceRow: number } | null = null): Promise<DonationOfferValues> {
  const donorName = input.donorName?.trim() || null;
  const contact = input.contact?.trim() || null;
  if (input.donorKind === 'private' && (donorName !== null || contact !== null)) {
    throw new ApiError(400, 'PERSONAL_DATA_NOT_STORED', 'A private donor is stored without name or contact: leave them out.', { field: donorName !== null ? 'donorName' : 'contact' });
  }
  if (input.donorKind !== 'private' && donorName === null) throw invalid('donorName', `an offer from a ${input.donorKind} names the donor`);
  if (input.lines.length === 0) throw invalid('lines', 'an offer has at least one item');
  const seen = new Set<string>();
  for (const line of input.lines) {
    checkQuantity(await knownItem(db, line.item), line.quantity);
    if (seen.has(line.item)) throw invalid('lines', `"${line.item}" is listed twice`);
    seen.add(line.item);
  }
  if (input.availableFrom && input.availableUntil && input.availableUntil < input.availableFrom) throw invalid('availableUntil', 'it is before availableFrom');
  if (input.warehouseId !== undefined) await knownWarehouse(db, input.warehouseId);
  let place: { settlementCode: string; lon: number; lat: number };
  if (input.settlementCode !== undefined) {
    const settlement = await knownSettlement(db, input.settlementCode);
    place = { settlementCode: settlement.code, lon: input.lon ?? settlement.lon, lat: input.lat ?? settlement.lat };
  } else if (input.lon !== undefined && input.lat !== undefined) {
    const [located] = await locatePoints(db, [{ index: 0, x: input.lon, y: input.lat, srid: 4326 }]);
    if (!located?.settlementCode) throw invalid('lon', 'the point lies in no settlement of Hungary');
    place = { settlementCode: located.settlementCode, lon: input.lon, lat: input.lat };
  } else {
    throw invalid('settlementCode', 'an offer names its settlement or its point (lon, lat)');
  }
  return {
    donorKind: input.donorKind, donorName, contact, ...place, availableFrom: input.availableFrom ?? null, availableUntil: input.availableUntil ?? null,
    warehouseId: input.warehouseId ?? null, lines: input.lines.map((line) => ({ item: line.item, quantity: line.quantity })), note: input.note?.trim() || null,
    importId: importRef?.importId ?? null, sourceRow: importRef?.sourceRow ?? null,
  };
}

/** Records a checked offer and its audit entry in one transaction; answers its id. */
export async function createOffer(engine: Engine, actor: AuditActor, input: OfferInput): Promise<number> {
  const values = await checkOffer(engine.db, input);
  return engine.db.transaction().execute(async (trx) => {
    const id = await insertDonationOffer(trx, values, actor.username);
    await recordAudit(trx, { actor, action: 'create', objectKind: 'donation-offer', objectId: id, before: null, after: await readDonationOffer(trx, id) });
    return id;
  });
}

/** The steps an offer may take: along the chain (a donor who brings the goods skips 'collected'), or declined before it is collected. */
const NEXT: Record<OfferStatus, readonly OfferStatus[]> = {
  offered: ['accepted', 'declined'],
  accepted: ['collected', 'received', 'declined'],
  collected: ['received'],
  received: [],
  declined: [],
};

/**
 * Moves an offer one step (409 OFFER_STATUS_INVALID otherwise). Accepting needs the receiving
 * warehouse; receiving books a 'received' movement per line into it, in the same transaction;
 * declining needs a reason. Audited.
 */
export async function changeOfferStatus(
  engine: Engine, actor: AuditActor, id: number,
  input: { status: OfferStatus; warehouseId?: number | undefined; reason?: string | undefined; date?: string | undefined },
): Promise<DonationOffer> {
  return engine.db.transaction().execute(async (trx) => moveOffer(trx, actor, id, input));
}

/** One offer step inside the caller's transaction (a delivery confirmation collects offers on its way). */
export async function moveOffer(
  trx: Transaction<Database>, actor: AuditActor, id: number,
  input: { status: OfferStatus; warehouseId?: number | undefined; reason?: string | undefined; date?: string | undefined; routeScenarioId?: number | undefined },
): Promise<DonationOffer> {
  const before = await findOffer(trx, id, { forUpdate: true });
  if (!NEXT[before.status].includes(input.status)) {
    throw new ApiError(409, 'OFFER_STATUS_INVALID', `Offer #${id} cannot go from ${before.status} to ${input.status}.`, { id, from: before.status, to: input.status });
  }
  if (input.warehouseId !== undefined) await knownWarehouse(trx, input.warehouseId);
  const warehouseId = input.warehouseId ?? before.warehouseId;
  if (input.status !== 'declined' && warehouseId === null) throw invalid('warehouseId', 'an accepted offer names the warehouse that receives it');
  const reason = input.reason?.trim() || null;
  if (input.status === 'declined' && reason === null) throw invalid('reason', 'a declined offer says why');
  await updateOfferStatus(trx, id, { status: input.status, warehouseId: input.warehouseId ?? null, declineReason: input.status === 'declined' ? reason : null });
  if (input.status === 'received') {
    for (const line of before.lines) {
      await applyMovement(trx, {
        kind: 'received', warehouseId: warehouseId!, toWarehouseId: null, item: line.item, quantity: line.quantity, reason: null, offerId: id,
        requestId: null, allocationId: null, routeScenarioId: input.routeScenarioId ?? null, date: input.date ?? null, importId: null, recordedBy: actor.username,
      });
    }
  }
  const after = (await readDonationOffer(trx, id))!;
  await recordAudit(trx, { actor, action: 'update', objectKind: 'donation-offer', objectId: id, before, after });
  return after;
}
