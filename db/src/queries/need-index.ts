import { sql, type Kysely } from 'kysely';
import type { AuditActor } from '../contract/audit.ts';
import { NEED_SIGNAL_COMPONENT } from '../contract/need-index.ts';
import { NEED_CATEGORIES } from '../contract/need-signals.ts';
import type { Database, NeedCategory, NeedIndexComponent } from '../schema.ts';
import { recordAudit } from './audit.ts';
import { fromJsonb } from './jsonb.ts';
import { utcText } from './utc-text.ts';

export const NEED_INDEX_PREFIX = 'need_index_';

/** The category a signal component counts (null: every category), or undefined when the key is no signal component or names no known category. */
export function needSignalComponentCategory(key: string): NeedCategory | null | undefined {
  if (key === NEED_SIGNAL_COMPONENT) return null;
  const category = key.startsWith(`${NEED_SIGNAL_COMPONENT}:`) ? key.slice(NEED_SIGNAL_COMPONENT.length + 1) : undefined;
  return NEED_CATEGORIES.find((known) => known === category);
}

export function isNeedSignalComponent(key: string): boolean {
  return key === NEED_SIGNAL_COMPONENT || key.startsWith(`${NEED_SIGNAL_COMPONENT}:`);
}

export interface SavedNeedIndex {
  key: string;
  name: string;
  components: NeedIndexComponent[];
  createdAt: string;
}

export async function listNeedIndices(db: Kysely<Database>): Promise<SavedNeedIndex[]> {
  const { rows } = await sql<{ indicator_key: string; name: string; components: NeedIndexComponent[] | string; created_at: string }>`
    SELECT indicator_key, name, components, ${utcText('created_at')} AS created_at
    FROM need_index ORDER BY created_at, indicator_key`.execute(db);
  return rows.map((row) => ({
    key: row.indicator_key,
    name: row.name,
    components: fromJsonb<NeedIndexComponent[]>(row.components),
    createdAt: row.created_at,
  }));
}

/**
 * Computes and saves a composite need index as an indicator of its own, so the
 * map and every analysis can use it like any other. Each component is ranked
 * across settlements in its need direction (percent rank: robust to outliers
 * such as a +182% population change; categories by their need rank), then
 * weighted; 100 is the neediest. A need-signal component is the organisation's
 * signals (rows of `need_signal` not withdrawn, of one category or all) per 1,000 residents:
 * a settlement without signals counts 0, one without residents gets no rate.
 * Districts and counties get the population-weighted mean of their settlements.
 * Settlements missing any component get no value.
 */
export async function saveNeedIndex(
  db: Kysely<Database>,
  index: { key: string; name: string; components: NeedIndexComponent[]; sortOrder: number },
  actor: AuditActor,
): Promise<{ settlements: number }> {
  return db.transaction().execute(async (trx) => {
    const source = `Terep összetett szükségletindex: ${index.components.map((component) => `${component.indicatorKey} × ${component.weight}`).join(', ')}`;
    await sql`
      INSERT INTO indicator (key, title_hu, title_en, unit_hu, unit_en, kind, need_direction, source, attribution, categories, sort_order)
      VALUES (${index.key}, ${index.name}, ${index.name}, 'pont (0–100)', 'score (0–100)', 'numeric', 1, ${source}, 'Terep; a komponensek forrásai', NULL, ${index.sortOrder})`.execute(trx);
    await sql`INSERT INTO need_index (indicator_key, name, components) VALUES (${index.key}, ${index.name}, ${JSON.stringify(index.components)}::jsonb)`.execute(trx);
    const signals = sql.lit(NEED_SIGNAL_COMPONENT);
    const { rows } = await sql<{ n: number }>`
      WITH components AS (
        SELECT c."indicatorKey" AS key, c.weight FROM json_to_recordset(${JSON.stringify(index.components)}::json) AS c("indicatorKey" text, weight float8)
      ),
      latest AS (
        SELECT v.indicator_key, max(v.year) AS year FROM indicator_value v JOIN components c ON c.key = v.indicator_key
        WHERE v.unit_kind = 'settlement' GROUP BY v.indicator_key
      ),
      oriented AS (
        SELECT v.unit_code, v.indicator_key,
          CASE WHEN i.kind = 'category'
            THEN (SELECT (category->>'need')::float8 FROM jsonb_array_elements(i.categories) AS category WHERE (category->>'value')::float8 = v.value)
            ELSE v.value * i.need_direction END AS need_value
        FROM indicator_value v
        JOIN latest l ON l.indicator_key = v.indicator_key AND l.year = v.year
        JOIN indicator i ON i.key = v.indicator_key
        WHERE v.unit_kind = 'settlement'
        UNION ALL
        SELECT s.code, c.key,
          (1000.0 * (SELECT count(*) FROM need_signal n
                     WHERE n.settlement_code = s.code AND n.withdrawn_at IS NULL AND (c.key = ${signals} OR c.key = ${signals} || ':' || n.category)) / s.population_2024)::float8
        FROM components c CROSS JOIN settlement s
        WHERE (c.key = ${signals} OR c.key LIKE ${signals} || ':%') AND s.population_2024 > 0
      ),
      ranked AS (
        SELECT unit_code, indicator_key, percent_rank() OVER (PARTITION BY indicator_key ORDER BY need_value) AS score
        FROM oriented WHERE need_value IS NOT NULL
      ),
      combined AS (
        SELECT r.unit_code, round((100 * sum(r.score * c.weight) / sum(c.weight))::numeric, 2)::float8 AS value, count(*) AS parts
        FROM ranked r JOIN components c ON c.key = r.indicator_key GROUP BY r.unit_code
      ),
      inserted AS (
        INSERT INTO indicator_value (unit_kind, unit_code, indicator_key, year, value, source)
        SELECT 'settlement', unit_code, ${index.key}, extract(year FROM now())::int, value, ${source}
        FROM combined WHERE parts = (SELECT count(*) FROM components)
        RETURNING unit_code
      )
      SELECT count(*)::int AS n FROM inserted`.execute(trx);
    for (const level of ['district', 'county'] as const) {
      const column = level === 'district' ? sql.ref('s.district_code') : sql.ref('s.county_code');
      await sql`
        INSERT INTO indicator_value (unit_kind, unit_code, indicator_key, year, value, source)
        SELECT ${level}, ${column}, v.indicator_key, v.year,
          round((sum(v.value * s.population_2024) / nullif(sum(s.population_2024), 0))::numeric, 2)::float8, v.source
        FROM indicator_value v JOIN settlement s ON s.code = v.unit_code
        WHERE v.unit_kind = 'settlement' AND v.indicator_key = ${index.key}
        GROUP BY ${column}, v.indicator_key, v.year, v.source
        HAVING sum(s.population_2024) > 0`.execute(trx);
    }
    await recordAudit(trx, { actor, action: 'create', objectKind: 'need-index', objectId: index.key, before: null, after: { name: index.name, components: index.components } });
    return { settlements: rows[0]!.n };
  });
}

export async function deleteNeedIndex(db: Kysely<Database>, key: string, actor: AuditActor): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('need_index').select(['indicator_key', 'name', 'components']).where('indicator_key', '=', key).executeTakeFirst();
    if (!found) return false;
    await recordAudit(trx, { actor, action: 'delete', objectKind: 'need-index', objectId: key, before: { name: found.name, components: found.components }, after: null });
    await trx.deleteFrom('indicator_value').where('indicator_key', '=', key).execute();
    await trx.deleteFrom('need_index').where('indicator_key', '=', key).execute();
    await trx.deleteFrom('indicator').where('key', '=', key).execute();
    return true;
  });
}
