import { sql, type Kysely, type RawBuilder } from 'kysely';
import { SMALL_COUNT_THRESHOLD } from '../contract/common.ts';
import type { CaseDomain } from '../contract/programmes.ts';
import type { Database } from '../schema.ts';
import type { BBox } from './layers.ts';

/**
 * The programme map layers as GeoJSON text (issue 15): action areas with an overlap flag,
 * partner seats, helper-network areas, case density and activities.
 */

const envelope = (bbox: BBox) => sql`ST_MakeEnvelope(${bbox[0]}, ${bbox[1]}, ${bbox[2]}, ${bbox[3]}, 4326)`;

/**
 * Whose small counts a reader sees exactly: 'all' (admins), the counties of a regional user, or
 * none. Everywhere else a count below the threshold leaves as null with a flag beside it.
 */
export type ExactCounties = 'all' | readonly string[];

function guarded(count: RawBuilder<unknown>, county: RawBuilder<unknown>, exact: ExactCounties) {
  const exactHere = exact === 'all' ? sql`true` : exact.length === 0 ? sql`false` : sql`${county} IN (${sql.join(exact)})`;
  return {
    value: sql`CASE WHEN ${count} >= ${SMALL_COUNT_THRESHOLD} OR ${exactHere} THEN ${count} ELSE NULL END`,
    below: sql`(${count} < ${SMALL_COUNT_THRESHOLD} AND NOT (${exactHere}))`,
  };
}

async function collection(db: Kysely<Database>, query: RawBuilder<unknown>): Promise<string> {
  const { rows } = await sql<{ collection: string }>`
    SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(f.feature ORDER BY f.sort_key), '[]'::json))::text AS collection
    FROM (${query}) AS f`.execute(db);
  return rows[0]!.collection;
}

/** Action-area parts, one feature each, flagged where they overlap (by area) a part of another programme. */
export async function programmeAreasGeoJson(db: Kysely<Database>, bbox: BBox, programmeId: number | null): Promise<string> {
  return collection(db, sql`
    SELECT a.id AS sort_key, json_build_object('type', 'Feature', 'id', a.id,
      'properties', json_build_object('programmeId', g.id, 'programmeName', g.name, 'projectId', j.id, 'projectName', j.name, 'partId', a.id,
        'kind', a.kind, 'code', coalesce(a.settlement_code, a.district_code, a.segregated_area_id::text), 'name', a.name,
        'overlap', cardinality(o.names) > 0, 'overlapsWith', o.names),
      'geometry', ST_AsGeoJSON(a.geom, 5)::json) AS feature
    FROM project_area a JOIN project j ON j.id = a.project_id JOIN programme g ON g.id = j.programme_id
      CROSS JOIN LATERAL (
        SELECT coalesce(array_agg(DISTINCT h.name ORDER BY h.name), '{}') AS names
        FROM project_area b JOIN project k ON k.id = b.project_id JOIN programme h ON h.id = k.programme_id
        WHERE b.geom && a.geom AND k.programme_id <> g.id AND ST_Relate(a.geom, b.geom, '2********')
      ) AS o
    WHERE a.geom && ${envelope(bbox)} ${programmeId === null ? sql`` : sql`AND g.id = ${programmeId}`}`);
}

export async function partnerSeatsGeoJson(db: Kysely<Database>, bbox: BBox, programmeId: number | null): Promise<string> {
  return collection(db, sql`
    SELECT p.id AS sort_key, json_build_object('type', 'Feature', 'id', p.id,
      'properties', json_build_object('partnerId', p.id, 'name', p.name, 'kind', p.kind, 'settlementCode', s.code, 'settlementName', s.name,
        'projectCount', (SELECT count(*) FROM project_partner pp WHERE pp.partner_id = p.id),
        'programmeIds', coalesce((SELECT array_agg(DISTINCT j.programme_id) FROM project_partner pp JOIN project j ON j.id = pp.project_id WHERE pp.partner_id = p.id), '{}')),
      'geometry', ST_AsGeoJSON(s.label_point, 6)::json) AS feature
    FROM partner p JOIN settlement s ON s.code = p.settlement_code
    WHERE s.label_point && ${envelope(bbox)}
      ${programmeId === null ? sql`` : sql`AND EXISTS (SELECT 1 FROM project_partner pp JOIN project j ON j.id = pp.project_id WHERE pp.partner_id = p.id AND j.programme_id = ${programmeId})`}`);
}

/** The settlements and districts helpers act in, per network, with the number of members there (guarded). */
export async function helperAreasGeoJson(db: Kysely<Database>, bbox: BBox, networkId: number | null, exact: ExactCounties): Promise<string> {
  const members = guarded(sql`h.members`, sql`h.county_code`, exact);
  return collection(db, sql`
    SELECT h.level || h.code || ':' || h.network_id AS sort_key, json_build_object('type', 'Feature', 'id', h.level || ':' || h.code || ':' || h.network_id,
      'properties', json_build_object('networkId', h.network_id, 'networkName', n.name, 'level', h.level, 'code', h.code, 'name', h.name,
        'members', ${members.value}, 'membersBelowThreshold', ${members.below}),
      'geometry', ST_AsGeoJSON(h.geom, 5)::json) AS feature
    FROM (
      SELECT m.network_id, 'settlement' AS level, s.code::text AS code, s.name, s.county_code::text AS county_code, s.geom, count(DISTINCT m.id)::int AS members
      FROM network_member m JOIN network_member_area a ON a.member_id = m.id JOIN settlement s ON s.code = a.settlement_code
      GROUP BY m.network_id, s.code, s.name, s.county_code, s.geom
      UNION ALL
      SELECT m.network_id, 'district', d.code::text, d.name, d.county_code::text, d.geom, count(DISTINCT m.id)::int
      FROM network_member m JOIN network_member_area a ON a.member_id = m.id JOIN district d ON d.code = a.district_code
      GROUP BY m.network_id, d.code, d.name, d.county_code, d.geom
    ) AS h JOIN helper_network n ON n.id = h.network_id
    WHERE h.geom && ${envelope(bbox)} ${networkId === null ? sql`` : sql`AND h.network_id = ${networkId}`}`);
}

/** Cases per settlement at its label point, per 1,000 residents; counts below the threshold withheld unless the reader sees them exactly. */
export async function caseDensityGeoJson(
  db: Kysely<Database>,
  bbox: BBox,
  filter: { domain: CaseDomain | null; networkId: number | null },
  exact: ExactCounties,
): Promise<string> {
  const cases = guarded(sql`agg.cases`, sql`s.county_code`, exact);
  return collection(db, sql`
    SELECT s.code AS sort_key, json_build_object('type', 'Feature', 'id', s.code,
      'properties', json_build_object('settlementCode', s.code, 'name', s.name, 'cases', ${cases.value}, 'casesBelowThreshold', ${cases.below},
        'perThousand', CASE WHEN ${cases.value} IS NULL OR s.population_2024 = 0 THEN NULL ELSE round((1000.0 * agg.cases / s.population_2024)::numeric, 2)::float8 END,
        'domains', agg.domains),
      'geometry', ST_AsGeoJSON(s.label_point, 6)::json) AS feature
    FROM (
      SELECT c.settlement_code, count(*)::int AS cases, array_agg(DISTINCT c.domain ORDER BY c.domain) AS domains
      FROM case_record c
      WHERE true ${filter.domain === null ? sql`` : sql`AND c.domain = ${filter.domain}`} ${filter.networkId === null ? sql`` : sql`AND c.network_id = ${filter.networkId}`}
      GROUP BY c.settlement_code
    ) AS agg JOIN settlement s ON s.code = agg.settlement_code
    WHERE s.label_point && ${envelope(bbox)}`);
}

/** Activities at their settlement's label point, with dates for a time slider. */
export async function activitiesGeoJson(db: Kysely<Database>, bbox: BBox, filter: { programmeId: number | null; from: string | null; to: string | null }): Promise<string> {
  return collection(db, sql`
    SELECT t.id AS sort_key, json_build_object('type', 'Feature', 'id', t.id,
      'properties', json_build_object('activityId', t.id, 'programmeId', j.programme_id, 'projectId', j.id, 'projectName', j.name, 'kind', t.kind, 'title', t.title,
        'date', t.held_on::text, 'settlementName', s.name, 'participants', t.participants),
      'geometry', ST_AsGeoJSON(s.label_point, 6)::json) AS feature
    FROM activity t JOIN project j ON j.id = t.project_id JOIN settlement s ON s.code = t.settlement_code
    WHERE s.label_point && ${envelope(bbox)}
      ${filter.programmeId === null ? sql`` : sql`AND j.programme_id = ${filter.programmeId}`}
      ${filter.from === null ? sql`` : sql`AND t.held_on >= ${filter.from}::date`}
      ${filter.to === null ? sql`` : sql`AND t.held_on <= ${filter.to}::date`}`);
}
