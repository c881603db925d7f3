import { BUNDLE_DIRECTORY, loadBase } from '@terep/data-import';
import { engineOptionsFromEnv, openEngine, type Engine } from '@terep/db';
import { sql } from 'kysely';
import { computeAllocation } from '../../api/src/donations/allocations.ts';
import { JobSlots } from '../../api/src/jobs/job-slots.ts';
import { recordMovement } from '../../api/src/donations/stock-writes.ts';
import type { Benchmark } from './registry.ts';

const WAREHOUSES = 20;
const ITEMS = 10;
const REQUESTS = 3000;
const LEDGER_WRITES = 1000;
const WRITERS = 8;
const SEED = 20261204;
const LABEL = 'SYNTHETIC benchmark load';
const ACTOR = { userId: null, username: 'bench' };

/** mulberry32: a small seeded generator, so the synthetic instance is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The national instance, SYNTHETIC and labelled as such: a warehouse in the most populous
 * settlement of each of the 20 counties (Budapest counted as one), 3,000 requests at settlements
 * drawn by population, urgencies and needed-by dates drawn at random, and stock of every item at
 * every warehouse adding up to about 70% of what is asked. Nothing here is real need.
 */
async function loadSyntheticInstance(engine: Engine): Promise<{ warehouseIds: number[]; requestIds: number[] }> {
  const next = random(SEED);
  return engine.db.transaction().execute(async (trx) => {
    const run = await trx.insertInto('import_run').values({ kind: 'warehouses', file_name: LABEL, imported_by: 'bench', row_count: WAREHOUSES, imported_count: WAREHOUSES, skipped_count: 0, warning_count: 0 })
      .returning('id').executeTakeFirstOrThrow();
    const { rows: warehouses } = await sql<{ id: number }>`
      INSERT INTO warehouse (import_id, source_row, name, settlement_code, county_code, capacity, geom)
      SELECT DISTINCT ON (s.county_code) ${run.id}, 0, 'SYNTHETIC ' || s.name, s.code, s.county_code, NULL, s.label_point
      FROM settlement s ORDER BY s.county_code, s.population_2024 DESC
      RETURNING id`.execute(trx);
    const { rows: settlements } = await sql<{ code: string; population: number }>`
      SELECT code, population_2024 AS population FROM settlement WHERE population_2024 > 0 ORDER BY code`.execute(trx);
    const cumulative: number[] = [];
    let total = 0;
    for (const settlement of settlements) cumulative.push((total += settlement.population));
    const settlementAt = () => {
      const target = next() * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (cumulative[middle]! < target) low = middle + 1;
        else high = middle;
      }
      return settlements[low]!.code;
    };
    const { rows: items } = await sql<{ key: string }>`SELECT key FROM donation_item ORDER BY sort_order LIMIT ${ITEMS}`.execute(trx);
    const urgencies = ['critical', 'high', 'medium', 'low'];
    const requests = Array.from({ length: REQUESTS }, () => ({
      settlement: settlementAt(), item: items[Math.floor(next() * items.length)]!.key, quantity: 1 + Math.floor(next() * 8),
      urgency: urgencies[Math.floor(next() * urgencies.length)]!, neededBy: `2026-12-${String(5 + Math.floor(next() * 25)).padStart(2, '0')}`,
    }));
    const { rows: requestRows } = await sql<{ id: number }>`
      INSERT INTO donation_request (settlement_code, item, quantity, urgency, needed_by, organisation, created_by_name)
      SELECT r.settlement, r.item, r.quantity, r.urgency, r.needed_by::date, ${LABEL}, 'bench'
      FROM json_to_recordset(${JSON.stringify(requests.map((request) => ({ ...request, needed_by: request.neededBy })))}::json)
        AS r(settlement text, item text, quantity integer, urgency text, needed_by text)
      RETURNING id`.execute(trx);
    const demand = new Map<string, number>();
    for (const request of requests) demand.set(request.item, (demand.get(request.item) ?? 0) + request.quantity);
    const stock = warehouses.flatMap((warehouse) => items.map((item) => ({
      warehouse: warehouse.id, item: item.key, quantity: Math.max(1, Math.round((0.7 * (demand.get(item.key) ?? 0) / warehouses.length) * (0.5 + next()))),
    })));
    await sql`
      INSERT INTO stock_movement (kind, warehouse_id, item, quantity, moved_on, recorded_by_name)
      SELECT 'received', s.warehouse, s.item, s.quantity, DATE '2026-12-01', 'bench'
      FROM json_to_recordset(${JSON.stringify(stock)}::json) AS s(warehouse integer, item text, quantity integer)`.execute(trx);
    await sql`
      INSERT INTO stock_level (warehouse_id, item, quantity)
      SELECT s.warehouse, s.item, s.quantity FROM json_to_recordset(${JSON.stringify(stock)}::json) AS s(warehouse integer, item text, quantity integer)`.execute(trx);
    return { warehouseIds: warehouses.map((row) => row.id), requestIds: requestRows.map((row) => row.id) };
  });
}

/** Removes the synthetic instance (a server database is a real one). */
async function removeSyntheticInstance(engine: Engine, warehouseIds: readonly number[]): Promise<void> {
  if (warehouseIds.length === 0) return;
  await engine.db.transaction().execute(async (trx) => {
    await sql`DELETE FROM stock_movement WHERE warehouse_id IN (${sql.join(warehouseIds)})`.execute(trx);
    await sql`DELETE FROM donation_allocation WHERE id IN (SELECT allocation_id FROM allocation_assignment WHERE warehouse_id IN (${sql.join(warehouseIds)}))`.execute(trx);
    await sql`DELETE FROM donation_allocation WHERE created_by_name = 'bench'`.execute(trx);
    await sql`DELETE FROM stock_level WHERE warehouse_id IN (${sql.join(warehouseIds)})`.execute(trx);
    await sql`DELETE FROM donation_request WHERE organisation = ${LABEL}`.execute(trx);
    await sql`DELETE FROM audit_log WHERE username = 'bench'`.execute(trx);
    await sql`DELETE FROM warehouse WHERE id IN (${sql.join(warehouseIds)})`.execute(trx);
    await sql`DELETE FROM import_run WHERE file_name = ${LABEL}`.execute(trx);
  });
}

export const donationsBenchmark: Benchmark = {
  description: `national allocation (${WAREHOUSES} warehouses, ${ITEMS} items, ${REQUESTS.toLocaleString('en-US')} requests, SYNTHETIC over real settlements) and ledger write throughput`,
  async run() {
    const options = engineOptionsFromEnv();
    const engine = options.databaseUrl ? await openEngine(options) : await openEngine({ dataDir: 'memory://bench-donations' });
    let warehouseIds: number[] = [];
    try {
      if (!options.databaseUrl) await loadBase(engine, { directory: BUNDLE_DIRECTORY });
      console.log(`engine: ${engine.kind}; SYNTHETIC instance, seed ${SEED}${options.databaseUrl ? ', removed after measuring' : ''}`);
      const instance = await loadSyntheticInstance(engine);
      warehouseIds = instance.warehouseIds;
      // Each run is what the server does: read the inputs, measure distances, solve in a fresh worker thread (which loads HiGHS), store.
      const jobs = new JobSlots();
      for (const run of ['run 1', 'run 2']) {
        const started = performance.now();
        const allocation = await computeAllocation(engine, ACTOR, { warehouseIds, requestIds: instance.requestIds }, jobs);
        const seconds = (performance.now() - started) / 1000;
        console.log(`allocation, ${run}: ${seconds.toFixed(2)} s in all (solver ${allocation.solver.seconds.toFixed(2)} s); ` +
          `${allocation.assignments.length} assignments, served ${allocation.objective.served} of ${allocation.objective.requested}, ` +
          `${allocation.unmet.length} unmet rows, transport ${Math.round(allocation.objective.transport).toLocaleString('en-US')} km × unit, ${allocation.distanceMethod.kind}`);
      }
      const [first, second] = warehouseIds;
      let started = performance.now();
      for (let index = 0; index < LEDGER_WRITES; index += 1) {
        await recordMovement(engine, ACTOR, { warehouseId: index % 2 === 0 ? first! : second!, item: 'food-parcel', quantity: 1, kind: 'received' });
      }
      let seconds = (performance.now() - started) / 1000;
      console.log(`ledger, one writer: ${LEDGER_WRITES} movements in ${seconds.toFixed(2)} s = ${Math.round(LEDGER_WRITES / seconds)} writes/s`);
      started = performance.now();
      let refused = 0;
      await Promise.all(Array.from({ length: WRITERS }, async () => {
        for (let index = 0; index < LEDGER_WRITES / WRITERS; index += 1) {
          // Every writer takes from the same row: they queue on its lock.
          await recordMovement(engine, ACTOR, { warehouseId: first!, item: 'food-parcel', quantity: 1, kind: 'distributed' }).catch(() => { refused += 1; });
        }
      }));
      seconds = (performance.now() - started) / 1000;
      console.log(`ledger, ${WRITERS} writers on one stock row: ${LEDGER_WRITES} movements in ${seconds.toFixed(2)} s = ${Math.round(LEDGER_WRITES / seconds)} writes/s (${refused} refused)`);
    } finally {
      if (options.databaseUrl) await removeSyntheticInstance(engine, warehouseIds);
      await engine.close();
    }
  },
};
