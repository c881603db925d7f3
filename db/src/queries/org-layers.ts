import { sql, type Kysely } from 'kysely';
import { SMALL_COUNT_THRESHOLD } from '../contract/common.ts';
import type { Database, NeedCategory } from '../schema.ts';
import type { BBox } from './layers.ts';

const envelope = (bbox: BBox) => sql`ST_MakeEnvelope(${bbox[0]}, ${bbox[1]}, ${bbox[2]}, ${bbox[3]}, 4326)`;

/** A count as it may leave the server: exact from the threshold up, else null with `<5` beside it. */
const suppressed = (expression: ReturnType<typeof sql>) =>
  sql`CASE WHEN ${expression} >= ${SMALL_COUNT_THRESHOLD} THEN ${expression} ELSE NULL END`;

/** The flag beside a suppressed count: true where it was withheld, false where there was nothing to withhold. */
const belowThreshold = (expression: ReturnType<typeof sql>) =>
  sql`${expression} IS NOT NULL AND ${expression} < ${SMALL_COUNT_THRESHOLD}`;

async function collection(db: Kysely<Database>, query: ReturnType<typeof sql>): Promise<string> {
  const { rows } = await sql<{ collection: string }>`
    SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(f.feature ORDER BY f.sort_key), '[]'::json))::text AS collection
    FROM (${query}) AS f`.execute(db);
  return rows[0]!.collection;
}

export async function institutionsGeoJson(db: Kysely<Database>, bbox: BBox, typeKeys: readonly string[]): Promise<string> {
  const typeFilter = typeKeys.length > 0 ? sql`AND i.type_key IN (${sql.join(typeKeys)})` : sql``;
  return collection(db, sql`
    SELECT i.id AS sort_key, json_build_object('type', 'Feature', 'id', i.id,
      'properties', json_build_object('id', i.id, 'name', i.name, 'type', i.type_key, 'typeName', json_build_object('hu', t.name_hu, 'en', t.name_en),
        'address', i.address, 'settlementCode', i.settlement_code, 'settlementName', s.name, 'capacity', i.capacity, 'operator', i.operator, 'importId', i.import_id,
        'placedAtCentre', i.placed_at_centre),
      'geometry', ST_AsGeoJSON(i.geom, 6)::json) AS feature
    FROM institution i JOIN institution_type t ON t.key = i.type_key JOIN settlement s ON s.code = i.settlement_code
    WHERE i.geom && ${envelope(bbox)} ${typeFilter}`);
}

export async function warehousesGeoJson(db: Kysely<Database>, bbox: BBox): Promise<string> {
  return collection(db, sql`
    SELECT w.id AS sort_key, json_build_object('type', 'Feature', 'id', w.id,
      'properties', json_build_object('id', w.id, 'name', w.name, 'address', w.address, 'settlementCode', w.settlement_code,
        'settlementName', s.name, 'countyCode', w.county_code, 'countyName', c.name, 'capacity', w.capacity, 'importId', w.import_id,
        'placedAtCentre', w.placed_at_centre),
      'geometry', ST_AsGeoJSON(w.geom, 6)::json) AS feature
    FROM warehouse w JOIN settlement s ON s.code = w.settlement_code JOIN county c ON c.code = w.county_code
    WHERE w.geom && ${envelope(bbox)}`);
}

export async function segregatedAreasGeoJson(db: Kysely<Database>, bbox: BBox): Promise<string> {
  return collection(db, sql`
    SELECT a.id AS sort_key, json_build_object('type', 'Feature', 'id', a.id,
      'properties', json_build_object('id', a.id, 'name', a.name, 'settlementCode', a.settlement_code, 'settlementName', s.name,
        'population', ${suppressed(sql`a.population`)}, 'populationBelowThreshold', ${belowThreshold(sql`a.population`)},
        'lowEducationShare', a.low_education_share, 'noRegularIncomeShare', a.no_regular_income_share,
        'source', a.source, 'year', a.year, 'repaired', a.repaired, 'importId', a.import_id),
      'geometry', ST_AsGeoJSON(a.geom, 6)::json) AS feature
    FROM segregated_area a JOIN settlement s ON s.code = a.settlement_code
    WHERE a.geom && ${envelope(bbox)}`);
}

/**
 * Need signals summed per settlement, drawn at the settlement's label point.
 * Households and persons below the threshold leave the server as null with a
 * flag, so no client can show them exactly.
 */
export async function needSignalsGeoJson(db: Kysely<Database>, bbox: BBox, categories: readonly NeedCategory[]): Promise<string> {
  const categoryFilter = categories.length > 0 ? sql`AND n.category IN (${sql.join(categories)})` : sql``;
  return collection(db, sql`
    SELECT agg.settlement_code AS sort_key, json_build_object('type', 'Feature', 'id', agg.settlement_code,
      'properties', json_build_object('settlementCode', agg.settlement_code, 'name', s.name,
        'households', ${suppressed(sql`agg.households`)}, 'householdsBelowThreshold', ${belowThreshold(sql`agg.households`)},
        'persons', ${suppressed(sql`agg.persons`)}, 'personsBelowThreshold', ${belowThreshold(sql`agg.persons`)},
        'categories', agg.categories, 'urgent', agg.urgent, 'latest', agg.latest),
      'geometry', ST_AsGeoJSON(s.label_point, 6)::json) AS feature
    FROM (
      SELECT n.settlement_code, sum(n.households)::int AS households, sum(n.persons)::int AS persons,
        array_agg(DISTINCT n.category ORDER BY n.category) AS categories,
        bool_or(n.urgency IN ('high', 'critical')) AS urgent, max(n.reported_on)::text AS latest
      FROM need_signal n WHERE n.withdrawn_at IS NULL ${categoryFilter}
      GROUP BY n.settlement_code
    ) AS agg JOIN settlement s ON s.code = agg.settlement_code
    WHERE s.label_point && ${envelope(bbox)}`);
}

export interface SegregatedAreaFigures {
  id: number;
  name: string;
  settlementCode: string;
  settlementName: string;
  population: number | null;
  lowEducationShare: number | null;
  noRegularIncomeShare: number | null;
  source: string | null;
  year: number | null;
}

/** The imported areas' figures, without geometry, for checking them against a definition. */
export async function listSegregatedAreaFigures(db: Kysely<Database>): Promise<SegregatedAreaFigures[]> {
  const { rows } = await sql<{ id: number; name: string; settlement_code: string; settlement_name: string; population: number | null; low_education_share: number | null; no_regular_income_share: number | null; source: string | null; year: number | null }>`
    SELECT a.id, a.name, a.settlement_code, s.name AS settlement_name, a.population, a.low_education_share, a.no_regular_income_share, a.source, a.year
    FROM segregated_area a JOIN settlement s ON s.code = a.settlement_code ORDER BY a.id`.execute(db);
  return rows.map((row) => ({
    id: row.id, name: row.name, settlementCode: row.settlement_code, settlementName: row.settlement_name, population: row.population,
    lowEducationShare: row.low_education_share, noRegularIncomeShare: row.no_regular_income_share, source: row.source, year: row.year,
  }));
}
