import { sql, type Kysely } from 'kysely';
import type { PlanError, PlanOutcome, PlanRequestBody, PlanRunStatus, PlanScenario, PlanSite, PlanSummary } from '../contract/planning.ts';
import type { AuditActor } from '../contract/audit.ts';
import { recordAudit } from './audit.ts';
import type { Database } from '../schema.ts';
import { fromJsonb } from './jsonb.ts';
import { utcText } from './utc-text.ts';

interface ScenarioRow {
  id: number;
  name: string;
  created_at: string;
  status: PlanRunStatus;
  request: unknown;
  summary: unknown;
  sites: unknown;
  error: unknown;
}

const SCENARIO_COLUMNS = sql`id, name, ${utcText('created_at')} AS created_at, status, request, summary, sites, error`;

function scenarioOf(row: ScenarioRow): PlanScenario {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    status: row.status,
    request: fromJsonb<PlanRequestBody>(row.request),
    summary: fromJsonb<PlanSummary | null>(row.summary),
    sites: fromJsonb<PlanSite[] | null>(row.sites),
    error: fromJsonb<PlanError | null>(row.error),
  };
}

/** A new scenario, running; its id names the run. */
export async function createPlanScenario(db: Kysely<Database>, scenario: { name: string; request: PlanRequestBody }, actor: AuditActor): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: number }>`
      INSERT INTO plan_scenario (name, request) VALUES (${scenario.name}, ${JSON.stringify(scenario.request)}::jsonb) RETURNING id`.execute(trx);
    const id = rows[0]!.id;
    await recordAudit(trx, { actor, action: 'start', objectKind: 'plan', objectId: id, before: null, after: scenario });
    return id;
  });
}

export async function completePlanScenario(db: Kysely<Database>, id: number, outcome: { summary: PlanSummary; sites: PlanSite[]; result: PlanOutcome }): Promise<void> {
  await sql`
    UPDATE plan_scenario SET status = 'done', finished_at = now(), summary = ${JSON.stringify(outcome.summary)}::jsonb,
      sites = ${JSON.stringify(outcome.sites)}::jsonb, result = ${JSON.stringify(outcome.result)}::jsonb
    WHERE id = ${id}`.execute(db);
}

export async function failPlanScenario(db: Kysely<Database>, id: number, error: PlanError): Promise<void> {
  await sql`UPDATE plan_scenario SET status = 'failed', finished_at = now(), error = ${JSON.stringify(error)}::jsonb WHERE id = ${id}`.execute(db);
}

/** Every scenario, newest first, without assignments. */
export async function listPlanScenarios(db: Kysely<Database>): Promise<PlanScenario[]> {
  const { rows } = await sql<ScenarioRow>`SELECT ${SCENARIO_COLUMNS} FROM plan_scenario ORDER BY id DESC`.execute(db);
  return rows.map(scenarioOf);
}

/** One scenario with its whole result (null while running or after a failure); undefined when there is none. */
export async function readPlanScenario(db: Kysely<Database>, id: number): Promise<(PlanScenario & { result: PlanOutcome | null }) | undefined> {
  const { rows } = await sql<ScenarioRow & { result: unknown }>`SELECT ${SCENARIO_COLUMNS}, result FROM plan_scenario WHERE id = ${id}`.execute(db);
  const row = rows[0];
  return row ? { ...scenarioOf(row), result: fromJsonb<PlanOutcome | null>(row.result) } : undefined;
}

export async function deletePlanScenario(db: Kysely<Database>, id: number, actor: AuditActor): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: number; name: string; status: string; request: unknown }>`
      DELETE FROM plan_scenario WHERE id = ${id} RETURNING id, name, status, request`.execute(trx);
    const deleted = rows[0];
    if (!deleted) return false;
    await recordAudit(trx, { actor, action: 'delete', objectKind: 'plan', objectId: id, before: { name: deleted.name, status: deleted.status, request: fromJsonb(deleted.request) }, after: null });
    return true;
  });
}
