import type { Engine } from '@terep/db';
import type { FeatureCollection } from 'geojson';
import { sql } from 'kysely';
import type { ApiSuite } from './api-suite.ts';
import { utf8 } from './org-fixtures.ts';
import type { FixtureFile } from './import-fixtures.ts';

/** Three warehouses (synthetic test fixtures at real places): Miskolc and Ózd in Borsod (05), Pécs in Baranya (02). */
export const DONATION_WAREHOUSES: FixtureFile = {
  kind: 'warehouses',
  fileName: 'adomany-raktarak.csv',
  bytes: utf8('név;lon;lat;kapacitás\nMiskolci raktár (adomány teszt);20.6994;48.09281;5000\nÓzdi raktár (adomány teszt);20.2889;48.2195;5000\nPécsi raktár (adomány teszt);18.2323;46.0727;5000\n'),
};

/** The fixture warehouses' ids, in the file's order. */
export async function donationWarehouseIds(suite: ApiSuite): Promise<[number, number, number]> {
  const layer = (await (await suite.request('/api/layers/warehouses')).json()) as FeatureCollection;
  const id = (name: string) => Number(layer.features.find((feature) => feature.properties?.name === name)!.id);
  return [id('Miskolci raktár (adomány teszt)'), id('Ózdi raktár (adomány teszt)'), id('Pécsi raktár (adomány teszt)')];
}

/**
 * Removes what a suite wrote to the donation bank for its fixture warehouses and requests (the ledger
 * is never cleared in use; the shared test databases must end as they began, so that the fixture
 * warehouses can be rolled back).
 */
export async function clearDonations(engine: Engine, warehouseIds: readonly number[], organisationPrefix: string): Promise<void> {
  const db = engine.db;
  const requests = sql`(SELECT id FROM donation_request WHERE organisation LIKE ${`${organisationPrefix}%`})`;
  const offers = sql`(SELECT id FROM donation_offer WHERE warehouse_id IN (${sql.join(warehouseIds)}) OR note LIKE ${`${organisationPrefix}%`})`;
  await db.transaction().execute(async (trx) => {
    await sql`DELETE FROM stock_movement WHERE warehouse_id IN (${sql.join(warehouseIds)}) OR to_warehouse_id IN (${sql.join(warehouseIds)})
      OR request_id IN ${requests} OR offer_id IN ${offers}`.execute(trx);
    await sql`DELETE FROM donation_allocation WHERE id IN (SELECT allocation_id FROM allocation_assignment
      WHERE warehouse_id IN (${sql.join(warehouseIds)}) OR request_id IN ${requests})`.execute(trx);
    await sql`DELETE FROM stock_level WHERE warehouse_id IN (${sql.join(warehouseIds)})`.execute(trx);
    await sql`DELETE FROM donation_request WHERE id IN ${requests}`.execute(trx);
    await sql`DELETE FROM donation_offer WHERE id IN ${offers}`.execute(trx);
  });
}
