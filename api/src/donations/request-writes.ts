import {
  changeStock, insertDonationRequest, listNeedSignals, lockStock, readDonationRequest, recordAudit, cancelDonationRequest, listDonationItems,
  releaseRequestReservations,
  type AuditActor, type Database, type DonationRequest, type DonationRequestInput, type Engine, type Transaction,
} from '@terep/db';
import { ApiError } from '../http/api-error.ts';
import { checkQuantity, findRequest, knownItem, knownSettlement } from './donation-checks.ts';

/** Checks a request's item, quantity and settlement; answers the settlement's county (for the scope check). */
export async function checkRequest(db: Engine['db'], input: DonationRequestInput): Promise<{ countyCode: string }> {
  checkQuantity(await knownItem(db, input.item), input.quantity);
  const place = await knownSettlement(db, input.settlementCode);
  return { countyCode: place.countyCode };
}

/** Records a request and its audit entry in one transaction; answers its id. */
export async function createRequest(engine: Engine, actor: AuditActor, input: DonationRequestInput): Promise<number> {
  return engine.db.transaction().execute(async (trx) => {
    const id = await insertDonationRequest(trx, {
      settlementCode: input.settlementCode, item: input.item, quantity: input.quantity, urgency: input.urgency, neededBy: input.neededBy ?? null,
      organisation: input.organisation.trim(), note: input.note?.trim() || null, needSignalId: null, importId: null, sourceRow: null,
    }, actor.username);
    await recordAudit(trx, { actor, action: 'create', objectKind: 'donation-request', objectId: id, before: null, after: await readDonationRequest(trx, id) });
    return id;
  });
}

/**
 * Cancels an open request with a reason: the stock its committed allocations held is released
 * (what is on the road comes back with the van), audited, in one transaction.
 */
export async function cancelRequest(engine: Engine, actor: AuditActor, id: number, reason: string, inScope: (countyCode: string) => void): Promise<DonationRequest> {
  return engine.db.transaction().execute(async (trx) => {
    const before = await findRequest(trx, id, { forUpdate: true });
    inScope(before.countyCode);
    if (before.status === 'cancelled' || before.status === 'fulfilled') {
      throw new ApiError(409, 'REQUEST_CLOSED', `Donation request #${id} is ${before.status}.`, { id, status: before.status });
    }
    const held = await releaseRequestReservations(trx, id);
    await lockStock(trx, held);
    for (const hold of held) await changeStock(trx, hold.warehouseId, hold.item, { reserved: -hold.quantity });
    await cancelDonationRequest(trx, id, reason.trim());
    const after = (await readDonationRequest(trx, id))!;
    await recordAudit(trx, { actor, action: 'cancel', objectKind: 'donation-request', objectId: id, before, after });
    return after;
  });
}

/**
 * One request per need signal, in one transaction: the signal's settlement, urgency and
 * organisation, the first item of its category (or the one asked for), and `perHousehold` units
 * per household (per person when households are not given; one when neither is).
 */
export async function requestsFromSignals(
  engine: Engine, actor: AuditActor,
  input: { signalIds: number[]; item?: string | undefined; perHousehold?: number | undefined; neededBy?: string | undefined },
  scope: readonly string[] | undefined,
): Promise<number[]> {
  const signals = await listNeedSignals(engine.db, { counties: scope ?? null, includeWithdrawn: false, limit: 1_000_000 });
  const byId = new Map(signals.map((signal) => [signal.id, signal]));
  const items = await listDonationItems(engine.db);
  const chosen = input.item === undefined ? undefined : await knownItem(engine.db, input.item);
  const perHousehold = input.perHousehold ?? 1;
  const planned = [...new Set(input.signalIds)].map((signalId) => {
    const signal = byId.get(signalId);
    if (!signal) throw new ApiError(404, 'NEED_SIGNAL_NOT_FOUND', `No open need signal #${signalId}${scope ? ' in your counties' : ''}.`, { id: signalId });
    const item = chosen ?? items.find((candidate) => candidate.category === signal.category);
    if (!item) {
      throw new ApiError(400, 'UNKNOWN_ITEM', `No donation item answers the need category "${signal.category}": name one with "item".`, { item: signal.category });
    }
    const units = (signal.households ?? signal.persons ?? 1) * perHousehold;
    const quantity = item.unitKind === 'counted' ? Math.ceil(units) : Math.round(units * 1000) / 1000;
    checkQuantity(item, quantity);
    return { signal, item, quantity };
  });
  return engine.db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (const { signal, item, quantity } of planned) {
      const id = await insertDonationRequest(trx, {
        settlementCode: signal.settlementCode, item: item.key, quantity, urgency: signal.urgency, neededBy: input.neededBy ?? null,
        organisation: signal.organisation, note: null, needSignalId: signal.id, importId: null, sourceRow: null,
      }, actor.username);
      await recordAudit(trx, { actor, action: 'create', objectKind: 'donation-request', objectId: id, before: null, after: await readDonationRequest(trx, id) });
      ids.push(id);
    }
    return ids;
  });
}
