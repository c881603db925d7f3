import { insertDonationItem, listDonationItems, recordAudit, type AuditActor, type DonationItem, type DonationItemInput, type Engine } from '@terep/db';
import { ApiError } from '../http/api-error.ts';

export function listItems(engine: Engine): Promise<DonationItem[]> {
  return listDonationItems(engine.db);
}

/** Adds an item to the controlled list, audited; 409 ITEM_EXISTS when its key is taken. */
export async function addItem(engine: Engine, actor: AuditActor, input: Required<DonationItemInput>): Promise<DonationItem> {
  return engine.db.transaction().execute(async (trx) => {
    if (!(await insertDonationItem(trx, input))) throw new ApiError(409, 'ITEM_EXISTS', `There is already an item "${input.key}".`, { item: input.key });
    const item = (await listDonationItems(trx)).find((candidate) => candidate.key === input.key)!;
    await recordAudit(trx, { actor, action: 'create', objectKind: 'donation-item', objectId: input.key, before: null, after: item });
    return item;
  });
}
