import { sql, type Kysely, type Transaction } from 'kysely';
import type { ImportKind } from '../contract/imports.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * What the programme imports' rows may name, as stored: districts, segregated areas, partners and
 * projects, and the keys already taken (a network's case numbers, a programme's project names…),
 * so that validation resolves names and refuses duplicates without a query per row.
 */
export interface ReferenceBook {
  districts: { code: string; name: string; nameFolded: string; countyCode: string }[];
  segregatedAreas: { id: number; name: string; settlementName: string; countyCode: string }[];
  partners: { id: number; name: string; countyCode: string }[];
  projects: { id: number; programme: string; project: string }[];
  /** The kind's unique key of every stored row, as its parts (folded by the caller). */
  storedKeys: string[][];
}

export async function loadReferenceBook(db: Db, kind: ImportKind): Promise<ReferenceBook> {
  const districts = await sql<{ code: string; name: string; name_folded: string; county_code: string }>`
    SELECT code, name, name_folded, county_code FROM district ORDER BY code`.execute(db);
  const areas = await sql<{ id: number; name: string; settlement_name: string; county_code: string }>`
    SELECT a.id, a.name, s.name AS settlement_name, s.county_code FROM segregated_area a JOIN settlement s ON s.code = a.settlement_code ORDER BY a.id`.execute(db);
  const partners = await sql<{ id: number; name: string; county_code: string }>`
    SELECT p.id, p.name, s.county_code FROM partner p JOIN settlement s ON s.code = p.settlement_code ORDER BY p.id`.execute(db);
  const projects = await sql<{ id: number; programme: string; project: string }>`
    SELECT j.id, g.name AS programme, j.name AS project FROM project j JOIN programme g ON g.id = j.programme_id ORDER BY j.id`.execute(db);
  return {
    districts: districts.rows.map((row) => ({ code: row.code, name: row.name, nameFolded: row.name_folded, countyCode: row.county_code })),
    segregatedAreas: areas.rows.map((row) => ({ id: row.id, name: row.name, settlementName: row.settlement_name, countyCode: row.county_code })),
    partners: partners.rows.map((row) => ({ id: row.id, name: row.name, countyCode: row.county_code })),
    projects: projects.rows,
    storedKeys: await storedKeys(db, kind, projects.rows),
  };
}

async function storedKeys(db: Db, kind: ImportKind, projects: { programme: string; project: string }[]): Promise<string[][]> {
  switch (kind) {
    case 'programmes':
      return projects.map((row) => [row.programme, row.project]);
    case 'partners':
      return (await sql<{ name: string }>`SELECT name FROM partner`.execute(db)).rows.map((row) => [row.name]);
    case 'network-members':
      return (await sql<{ network: string; code: string }>`
        SELECT n.name AS network, m.member_code AS code FROM network_member m JOIN helper_network n ON n.id = m.network_id`.execute(db)).rows
        .map((row) => [row.network, row.code]);
    case 'cases':
      return (await sql<{ network: string; code: string }>`
        SELECT n.name AS network, c.case_number AS code FROM case_record c JOIN helper_network n ON n.id = c.network_id`.execute(db)).rows
        .map((row) => [row.network, row.code]);
    default:
      return [];
  }
}
