import {
  listDonationItems, readDonationOffer, readDonationPlaces, readDonationRequest, readDonationWarehouses,
  type DonationItem, type DonationOffer, type DonationPlace, type DonationRequest, type DonationWarehouse, type Kysely, type Database, type Transaction,
} from '@terep/db';
import { ApiError } from '../http/api-error.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Quantities carry three decimals in the database (numeric(14,3)): a finer one would be rounded silently. */
const DECIMALS = 1000;

/** The item of the controlled list, or 400 UNKNOWN_ITEM. */
export async function knownItem(db: Db, key: string): Promise<DonationItem> {
  const item = (await listDonationItems(db)).find((candidate) => candidate.key === key);
  if (!item) throw new ApiError(400, 'UNKNOWN_ITEM', `No donation item "${key}"; GET /api/items lists them.`, { item: key });
  return item;
}

/** Every item of the controlled list by key. */
export async function itemsByKey(db: Db): Promise<Map<string, DonationItem>> {
  return new Map((await listDonationItems(db)).map((item) => [item.key, item]));
}

/**
 * Refuses a quantity the item cannot move in: not positive (`allowNegative` for a stock count's
 * correction, which may be negative but not zero), not whole for a counted item, or finer than
 * the thousandths the ledger keeps.
 */
export function checkQuantity(item: DonationItem, quantity: number, options: { allowNegative?: boolean } = {}): number {
  const invalid = (reason: string, words: string) =>
    new ApiError(400, 'INVALID_QUANTITY', `Quantity ${quantity} of "${item.key}" ${words}.`, { item: item.key, quantity, reason });
  if (!Number.isFinite(quantity) || quantity === 0 || (quantity < 0 && !options.allowNegative)) {
    throw invalid('not-positive', options.allowNegative ? 'must be a number other than zero' : 'must be positive');
  }
  if (item.unitKind === 'counted' && !Number.isInteger(quantity)) throw invalid('not-whole', `must be whole: the item is counted in ${item.unit}`);
  if (Math.round(quantity * DECIMALS) !== quantity * DECIMALS) throw invalid('too-precise', 'has more than three decimals');
  return quantity;
}

/** The imported warehouse, or 400 UNKNOWN_WAREHOUSE. */
export async function knownWarehouse(db: Db, id: number): Promise<DonationWarehouse> {
  const [warehouse] = await readDonationWarehouses(db, [id]);
  if (!warehouse) throw new ApiError(400, 'UNKNOWN_WAREHOUSE', `No warehouse #${id}; GET /api/layers/warehouses lists them.`, { id });
  return warehouse;
}

/** The settlement, or 400 UNKNOWN_SETTLEMENT. */
export async function knownSettlement(db: Db, code: string): Promise<DonationPlace> {
  const [place] = await readDonationPlaces(db, [code]);
  if (!place) throw new ApiError(400, 'UNKNOWN_SETTLEMENT', `No settlement with KSH code ${code}.`, { codes: code });
  return place;
}

/** The offer, or 404 OFFER_NOT_FOUND. */
export async function findOffer(db: Db, id: number, options: { forUpdate?: boolean } = {}): Promise<DonationOffer> {
  const offer = await readDonationOffer(db, id, options);
  if (!offer) throw new ApiError(404, 'OFFER_NOT_FOUND', `No donation offer #${id}.`, { id });
  return offer;
}

/** The request, or 404 REQUEST_NOT_FOUND. */
export async function findRequest(db: Db, id: number, options: { forUpdate?: boolean } = {}): Promise<DonationRequest> {
  const request = await readDonationRequest(db, id, options);
  if (!request) throw new ApiError(404, 'REQUEST_NOT_FOUND', `No donation request #${id}.`, { id });
  return request;
}
