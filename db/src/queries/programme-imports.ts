import { sql, type Kysely, type Transaction } from 'kysely';
import type { ImportKind } from '../contract/imports.ts';
import type { Database } from '../schema.ts';
import { foldName } from '../text/fold-name.ts';
import type { PlacedRow } from './org-data.ts';

type Trx = Kysely<Database> | Transaction<Database>;
type Values = PlacedRow['values'];

/** The kinds of issue 15, written row by row: a row may create a programme, a network or links beside its own record. */
export type ProgrammeImportKind = Extract<ImportKind, 'programmes' | 'partners' | 'network-members' | 'cases' | 'activities'>;

const text = (values: Values, field: string): string | null => (values[field] === null || values[field] === undefined ? null : String(values[field]));
const number = (values: Values, field: string): number | null => (values[field] === null || values[field] === undefined ? null : Number(values[field]));
/** A list field as the validation left it: keys, codes or ids joined by ";". */
const list = (values: Values, field: string): string[] => (text(values, field) ?? '').split(';').filter((item) => item !== '');

export async function insertProgrammeRows(trx: Trx, kind: ProgrammeImportKind, importId: number, rows: readonly PlacedRow[]): Promise<void> {
  const networks = new NetworkFinder(trx, importId);
  for (const row of rows) {
    const values = row.values;
    switch (kind) {
      case 'programmes':
        await insertProject(trx, importId, row.row, values);
        break;
      case 'partners': {
        const partner = await trx.insertInto('partner').values({
          import_id: importId, source_row: row.row, name: text(values, 'name')!, name_folded: foldName(text(values, 'name')!),
          kind: text(values, 'kind') as Database['partner']['kind'], settlement_code: row.settlementCode!, contact_role: text(values, 'contactRole'),
        }).returning('id').executeTakeFirstOrThrow();
        for (const name of list(values, 'networks')) {
          await trx.insertInto('network_partner').values({ network_id: await networks.idOf(name), partner_id: partner.id }).onConflict((conflict) => conflict.doNothing()).execute();
        }
        break;
      }
      case 'network-members': {
        const member = await trx.insertInto('network_member').values({
          network_id: await networks.idOf(text(values, 'network')!), import_id: importId, source_row: row.row, member_code: text(values, 'memberCode')!,
          kind: text(values, 'kind') as Database['network_member']['kind'], experience: text(values, 'experience') as Database['network_member']['experience'],
          partner_id: number(values, 'partner'),
        }).returning('id').executeTakeFirstOrThrow();
        const areas = [
          ...list(values, 'settlements').map((code) => ({ member_id: member.id, settlement_code: code, district_code: null })),
          ...list(values, 'districts').map((code) => ({ member_id: member.id, settlement_code: null, district_code: code })),
        ];
        if (areas.length > 0) await trx.insertInto('network_member_area').values(areas).execute();
        break;
      }
      case 'cases':
        await trx.insertInto('case_record').values({
          network_id: await networks.idOf(text(values, 'network')!), import_id: importId, source_row: row.row, case_number: text(values, 'caseNumber')!,
          settlement_code: row.settlementCode!, domain: text(values, 'domain') as Database['case_record']['domain'], help: list(values, 'help'),
          status: text(values, 'status') as Database['case_record']['status'], opened_on: text(values, 'openedOn')!, closed_on: text(values, 'closedOn'),
        }).execute();
        break;
      case 'activities':
        await trx.insertInto('activity').values({
          project_id: number(values, 'project')!, import_id: importId, source_row: row.row, kind: text(values, 'kind') as Database['activity']['kind'],
          title: text(values, 'title'), held_on: text(values, 'date')!, settlement_code: row.settlementCode!, participants: number(values, 'participants'),
        }).execute();
        break;
    }
  }
}

async function insertProject(trx: Trx, importId: number, sourceRow: number, values: Values): Promise<void> {
  const programmeName = text(values, 'programme')!;
  const programmes = await trx.selectFrom('programme').select(['id', 'name']).execute();
  // A programme named again (in this file or an earlier one) gains the project; its own fields stay as first given.
  const programmeId = programmes.find((programme) => foldName(programme.name) === foldName(programmeName))?.id
    ?? (await trx.insertInto('programme').values({
      import_id: importId, name: programmeName, funder: text(values, 'funder'), call_code: text(values, 'callCode'),
      starts_on: text(values, 'programmeStart'), ends_on: text(values, 'programmeEnd'), description: text(values, 'description'),
    }).returning('id').executeTakeFirstOrThrow()).id;
  const project = await trx.insertInto('project').values({
    programme_id: programmeId, import_id: importId, source_row: sourceRow, name: text(values, 'project')!, code: text(values, 'projectCode'),
    status: (text(values, 'status') ?? 'running') as Database['project']['status'], starts_on: text(values, 'startsOn'), ends_on: text(values, 'endsOn'),
    budget_huf: number(values, 'budget'),
  }).returning('id').executeTakeFirstOrThrow();
  await setProjectPartners(trx, project.id, number(values, 'lead'), list(values, 'partners').map(Number));
  await setProjectServices(trx, project.id, list(values, 'services'));
  await addProjectAreas(trx, project.id, {
    settlements: list(values, 'settlements'), districts: list(values, 'districts'), segregatedAreas: list(values, 'segregatedAreas').map(Number), polygons: [],
  });
}

/** Replaces a project's partners: the lead once, the others as consortium members. */
export async function setProjectPartners(trx: Trx, projectId: number, leadId: number | null, partnerIds: readonly number[]): Promise<void> {
  await trx.deleteFrom('project_partner').where('project_id', '=', projectId).execute();
  const links = [
    ...(leadId === null ? [] : [{ project_id: projectId, partner_id: leadId, role: 'lead' as const }]),
    ...[...new Set(partnerIds)].filter((id) => id !== leadId).map((id) => ({ project_id: projectId, partner_id: id, role: 'consortium' as const })),
  ];
  if (links.length > 0) await trx.insertInto('project_partner').values(links).execute();
}

export async function setProjectServices(trx: Trx, projectId: number, typeKeys: readonly string[]): Promise<void> {
  await trx.deleteFrom('project_service').where('project_id', '=', projectId).execute();
  const keys = [...new Set(typeKeys)];
  if (keys.length > 0) await trx.insertInto('project_service').values(keys.map((key) => ({ project_id: projectId, type_key: key }))).execute();
}

export interface ActionAreaParts {
  settlements: readonly string[];
  districts: readonly string[];
  segregatedAreas: readonly number[];
  /** GeoJSON polygons in WGS 84, already checked; with a name each. */
  polygons: readonly { name: string; geojson: string }[];
}

/** Adds parts to a project's action area, each with a copy of its geometry (overlaps and distances are then one spatial join). */
export async function addProjectAreas(trx: Trx, projectId: number, parts: ActionAreaParts): Promise<void> {
  if (parts.settlements.length > 0) {
    await sql`
      INSERT INTO project_area (project_id, kind, settlement_code, name, county_codes, settlement_codes, geom)
      SELECT ${projectId}, 'settlement', s.code, s.name, ARRAY[s.county_code::text], ARRAY[s.code::text], s.geom FROM settlement s WHERE s.code IN (${sql.join(parts.settlements)}) ORDER BY s.code`.execute(trx);
  }
  if (parts.districts.length > 0) {
    await sql`
      INSERT INTO project_area (project_id, kind, district_code, name, county_codes, settlement_codes, geom)
      SELECT ${projectId}, 'district', d.code, d.name, ARRAY[d.county_code::text],
        (SELECT array_agg(s.code::text ORDER BY s.code) FROM settlement s WHERE s.district_code = d.code), d.geom FROM district d WHERE d.code IN (${sql.join(parts.districts)}) ORDER BY d.code`.execute(trx);
  }
  if (parts.segregatedAreas.length > 0) {
    await sql`
      INSERT INTO project_area (project_id, kind, segregated_area_id, name, county_codes, settlement_codes, geom)
      SELECT ${projectId}, 'segregated-area', a.id, a.name, ARRAY[s.county_code::text], ARRAY[s.code::text], a.geom FROM segregated_area a JOIN settlement s ON s.code = a.settlement_code WHERE a.id IN (${sql.join(parts.segregatedAreas)}) ORDER BY a.id`.execute(trx);
  }
  for (const polygon of parts.polygons) {
    await sql`
      WITH drawn AS (SELECT ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(${polygon.geojson}), 4326)), 3)) AS geom)
      INSERT INTO project_area (project_id, kind, name, county_codes, settlement_codes, geom)
      SELECT ${projectId}, 'polygon', ${polygon.name},
        coalesce((SELECT array_agg(c.code::text ORDER BY c.code) FROM county c WHERE ST_Intersects(c.geom, drawn.geom)), '{}'),
        coalesce((SELECT array_agg(s.code::text ORDER BY s.code) FROM settlement s WHERE s.geom && drawn.geom AND ST_Relate(s.geom, drawn.geom, 'T********')), '{}'),
        drawn.geom
      FROM drawn`.execute(trx);
  }
}

/** Networks by name, created on first mention (with the import's id, so its rollback removes them when left empty). */
class NetworkFinder {
  private readonly ids = new Map<string, number>();

  constructor(private readonly trx: Trx, private readonly importId: number) {}

  async idOf(name: string): Promise<number> {
    const folded = foldName(name);
    const known = this.ids.get(folded);
    if (known !== undefined) return known;
    const stored = await this.trx.selectFrom('helper_network').select('id').where('name_folded', '=', folded).executeTakeFirst();
    const id = stored?.id ?? (await this.trx.insertInto('helper_network')
      .values({ import_id: this.importId, name: name.trim(), name_folded: folded }).returning('id').executeTakeFirstOrThrow()).id;
    this.ids.set(folded, id);
    return id;
  }
}

/**
 * After an import's rows are removed: programmes and networks that imports created and nothing uses
 * any more go too. Any import's, not only this one's: a network named first by the partners file
 * and then by the members file is left empty only once both are rolled back, in whichever order.
 */
export async function removeImportLeftovers(trx: Trx): Promise<void> {
  await sql`DELETE FROM programme g WHERE g.import_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM project j WHERE j.programme_id = g.id)`.execute(trx);
  await sql`
    DELETE FROM helper_network n WHERE n.import_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM network_member m WHERE m.network_id = n.id)
      AND NOT EXISTS (SELECT 1 FROM case_record c WHERE c.network_id = n.id)
      AND NOT EXISTS (SELECT 1 FROM network_partner p WHERE p.network_id = n.id)`.execute(trx);
}

/** The counties an import of a programme kind reaches (a regional user rolls back only within their own). */
export function programmeImportCountiesQuery(kind: 'programmes' | 'network-members', importId: number) {
  switch (kind) {
    case 'programmes':
      return sql<{ county_code: string }>`
        SELECT DISTINCT unnest(a.county_codes) AS county_code FROM project j JOIN project_area a ON a.project_id = j.id
        WHERE j.import_id = ${importId} ORDER BY 1`;
    case 'network-members':
      return sql<{ county_code: string }>`
        SELECT DISTINCT coalesce(s.county_code, d.county_code) AS county_code FROM network_member m JOIN network_member_area a ON a.member_id = m.id
          LEFT JOIN settlement s ON s.code = a.settlement_code LEFT JOIN district d ON d.code = a.district_code
        WHERE m.import_id = ${importId} ORDER BY 1`;
  }
}
