import { sql, type Kysely } from 'kysely';
import type { AuditActor } from '../contract/audit.ts';
import type { RoutePlace, RoutePlan, RouteRequest, RouteScenario, RouteScenarioSummary } from '../contract/routing.ts';
import type { Database } from '../schema.ts';
import { recordAudit } from './audit.ts';
import { fromJsonb } from './jsonb.ts';
import { utcText } from './utc-text.ts';

interface SummaryRow {
  id: number;
  name: string;
  created_at: string;
  route_count: number;
  stop_count: number;
  distance_km: number;
}

const SUMMARY_COLUMNS = sql`id, name, ${utcText('created_at')} AS created_at, route_count, stop_count, distance_km`;

function summaryOf(row: SummaryRow): RouteScenarioSummary {
  return { id: row.id, name: row.name, createdAt: row.created_at, routes: row.route_count, stops: row.stop_count, distanceKm: Number(row.distance_km) };
}

/** Saves an answered route request as a scenario, audited in the same transaction (the request as asked, not the answer). */
export async function saveRouteScenario(
  db: Kysely<Database>,
  scenario: { name: string; request: RouteRequest; stopPlaces: readonly RoutePlace[]; plan: RoutePlan },
  actor: AuditActor,
): Promise<RouteScenarioSummary> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<SummaryRow>`
      INSERT INTO route_scenario (name, request, stops, plan, route_count, stop_count, distance_km)
      VALUES (${scenario.name}, ${JSON.stringify(scenario.request)}::jsonb, ${JSON.stringify(scenario.stopPlaces)}::jsonb, ${JSON.stringify(scenario.plan)}::jsonb,
        ${scenario.plan.totals.routes}, ${scenario.request.stops.length}, ${scenario.plan.totals.distanceKm})
      RETURNING ${SUMMARY_COLUMNS}`.execute(trx);
    const summary = summaryOf(rows[0]!);
    await recordAudit(trx, { actor, action: 'create', objectKind: 'route', objectId: summary.id, before: null, after: { name: scenario.name, request: scenario.request } });
    return summary;
  });
}

/** Every saved route scenario, newest first, without their plans. */
export async function listRouteScenarios(db: Kysely<Database>): Promise<RouteScenarioSummary[]> {
  const { rows } = await sql<SummaryRow>`SELECT ${SUMMARY_COLUMNS} FROM route_scenario ORDER BY id DESC`.execute(db);
  return rows.map(summaryOf);
}

/** One route scenario with its request and plan; undefined when there is none. */
export async function readRouteScenario(db: Kysely<Database>, id: number): Promise<RouteScenario | undefined> {
  const { rows } = await sql<SummaryRow & { request: unknown; stops: unknown; plan: unknown }>`
    SELECT ${SUMMARY_COLUMNS}, request, stops, plan FROM route_scenario WHERE id = ${id}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  return { ...summaryOf(row), request: fromJsonb<RouteRequest>(row.request), stopPlaces: fromJsonb<RoutePlace[]>(row.stops), plan: fromJsonb<RoutePlan>(row.plan) };
}

/** Deletes a saved route scenario, audited in the same transaction; false when there is none. */
export async function deleteRouteScenario(db: Kysely<Database>, id: number, actor: AuditActor): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: number; name: string; request: unknown }>`DELETE FROM route_scenario WHERE id = ${id} RETURNING id, name, request`.execute(trx);
    const deleted = rows[0];
    if (!deleted) return false;
    await recordAudit(trx, { actor, action: 'delete', objectKind: 'route', objectId: id, before: { name: deleted.name, request: fromJsonb<RouteRequest>(deleted.request) }, after: null });
    return true;
  });
}
