import type { RunImportOptions } from '@terep/data-import';
import { rollbackImportRun, type Engine } from '@terep/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineCases } from '../src/engines.ts';
import { importFile, problemCodes } from '../src/import-fixtures.ts';
import { utf8, windows1250 } from '../src/org-fixtures.ts';
import { ACTIVITIES_CSV, CASES_CSV, NETWORK_MEMBERS_CSV, NETWORK_NAME, PARTNERS_CSV, PROGRAMME_NAME, PROGRAMMES_CSV } from '../src/programme-fixtures.ts';
import { TEST_ACTOR } from '../src/test-users.ts';
import { xlsxFile } from '../src/vector-fixtures.ts';

type Kind = RunImportOptions['kind'];

const TABLES = ['programme', 'project', 'project_partner', 'project_service', 'project_area', 'partner', 'helper_network', 'network_partner',
  'network_member', 'network_member_area', 'case_record', 'activity'] as const;

describe.each(engineCases())('programme imports on $name', ({ open }) => {
  let engine: Engine;

  beforeAll(async () => {
    engine = await open();
  });
  afterAll(async () => engine?.close());

  const run = (kind: Kind, fileName: string, bytes: Uint8Array, extra: Partial<RunImportOptions> = {}) => importFile(engine, kind, fileName, bytes, extra);
  async function counts(): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    for (const table of TABLES) {
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(engine.db);
      result[table] = rows[0]!.n;
    }
    return result;
  }

  it('imports partners, two programmes with their projects, network members, cases and activities, and rolls them all back', async () => {
    const before = await counts();
    const ids: number[] = [];
    try {
      for (const [kind, name, text, written] of [
        ['partners', 'partnerek.csv', PARTNERS_CSV, 4],
        ['programmes', 'programok.csv', PROGRAMMES_CSV, 3],
        ['network-members', 'halozat.csv', NETWORK_MEMBERS_CSV, 2],
        ['cases', 'esetek.csv', CASES_CSV, 8],
        ['activities', 'tevekenysegek.csv', ACTIVITIES_CSV, 3],
      ] as const) {
        const outcome = await run(kind, name, utf8(text));
        expect(problemCodes(outcome), name).toEqual([]);
        expect(outcome, name).toMatchObject({ status: 'imported', written });
        ids.push(outcome.importId!);
      }

      const { rows: projects } = await sql<{ programme: string; call_code: string | null; project: string; status: string; budget_huf: string; starts_on: string; lead: string | null; partners: string; services: string; areas: string }>`
        SELECT g.name AS programme, g.call_code, j.name AS project, j.status, j.budget_huf::text, j.starts_on::text,
          (SELECT p.name FROM project_partner pp JOIN partner p ON p.id = pp.partner_id WHERE pp.project_id = j.id AND pp.role = 'lead') AS lead,
          (SELECT string_agg(p.name, ' | ' ORDER BY p.id) FROM project_partner pp JOIN partner p ON p.id = pp.partner_id WHERE pp.project_id = j.id AND pp.role = 'consortium') AS partners,
          (SELECT string_agg(type_key, ',' ORDER BY type_key) FROM project_service WHERE project_id = j.id) AS services,
          (SELECT string_agg(kind || ':' || name, ',' ORDER BY id) FROM project_area WHERE project_id = j.id) AS areas
        FROM project j JOIN programme g ON g.id = j.programme_id WHERE j.import_id = ${ids[1]!} ORDER BY j.source_row`.execute(engine.db);
      expect(projects).toEqual([
        { programme: PROGRAMME_NAME, call_code: 'TOP 6.9.1', project: 'Ózdi telepprogram (teszt)', status: 'running', budget_huf: '250000000', starts_on: '2019-01-01',
          lead: 'Ózd Város Önkormányzata (teszt)', partners: 'Ózdi Roma Nemzetiségi Önkormányzat (teszt) | Sátai Általános Iskola (teszt)',
          services: 'after-school-programme,community-development', areas: 'settlement:Sáta,settlement:Ózd' },
        { programme: PROGRAMME_NAME, call_code: 'TOP 6.9.1', project: 'Putnoki közösségi projekt (teszt)', status: 'planned', budget_huf: '80000000', starts_on: '2020-03-01',
          lead: 'Putnoki Közösségi Egyesület (teszt)', partners: null, services: 'skills-training', areas: 'district:Putnoki' },
        { programme: 'Ózdi mentorprogram (teszt)', call_code: null, project: 'Mentorok a telepeken (teszt)', status: 'running', budget_huf: null, starts_on: '2021-09-01',
          lead: 'Ózd Város Önkormányzata (teszt)', partners: null, services: 'mentor-programme-office', areas: 'settlement:Ózd' },
      ]);
      const { rows: cases } = await sql<{ case_number: string; settlement_code: string; domain: string; help: string[]; status: string; closed_on: string | null }>`
        SELECT case_number, settlement_code, domain, help, status, closed_on::text FROM case_record WHERE import_id = ${ids[3]!} ORDER BY source_row`.execute(engine.db);
      expect(cases[0]).toEqual({ case_number: 'E-2024-001', settlement_code: '14492', domain: 'education', help: ['advice', 'mediation'], status: 'closed', closed_on: '2024-01-28' });
      expect(cases[7]).toMatchObject({ case_number: 'L-2024-002', settlement_code: '14331', domain: 'housing', help: ['phone-email'], status: 'open', closed_on: null });
      const { rows: networks } = await sql<{ name: string; members: number; partners: number; areas: string }>`
        SELECT n.name, (SELECT count(*)::int FROM network_member m WHERE m.network_id = n.id) AS members,
          (SELECT count(*)::int FROM network_partner p WHERE p.network_id = n.id) AS partners,
          (SELECT string_agg(coalesce(a.settlement_code, a.district_code), ',' ORDER BY coalesce(a.settlement_code, a.district_code))
            FROM network_member m JOIN network_member_area a ON a.member_id = m.id WHERE m.network_id = n.id) AS areas
        FROM helper_network n WHERE n.name = ${NETWORK_NAME}`.execute(engine.db);
      expect(networks).toEqual([{ name: NETWORK_NAME, members: 2, partners: 1, areas: '056,14331,14492' }]);

    } finally {
      // Rolled back in the order imported: partners first, so links go before the things they link.
      for (const id of ids) expect((await rollbackImportRun(engine.db, id, TEST_ACTOR)).kind).toBe('rolled-back');
    }
    expect(await counts()).toEqual(before);
  });

  it('reads an Excel workbook of partners', async () => {
    const bytes = await xlsxFile([
      ['Szervezet neve', 'Szervezet típusa', 'KSH kód', 'Kapcsolattartó'],
      ['Encsi Baptista Gyülekezet (teszt)', 'Egyház', '33048', 'lelkész'],
    ]);
    const outcome = await run('partners', 'partnerek.xlsx', bytes, { dryRun: true });
    expect(problemCodes(outcome)).toEqual([]);
    expect(outcome.report).toMatchObject({ format: 'xlsx', validRows: 1 });
    expect(outcome.report.preview[0]).toMatchObject({ settlement: 'Encs', values: { name: 'Encsi Baptista Gyülekezet (teszt)', kind: 'church', contactRole: 'lelkész' } });
  });

  it('reports unknown partners, districts, settlements, services and a repeated project by row, in both languages', async () => {
    const partners = await run('partners', 'partnerek.csv', windows1250(PARTNERS_CSV));
    expect(partners.status).toBe('imported');
    try {
      const text = [
        'Program;Projekt;Konzorciumvezető;Szolgáltatások;Települések;Járások',
        `${PROGRAMME_NAME};A (teszt);Ózd Város Önkormányzata (teszt);Tanoda;Ózd;`,
        `${PROGRAMME_NAME};B (teszt);Nincs Ilyen Kft. (teszt);Varázslás;Ózdd;Nincsilyen járás`,
        `${PROGRAMME_NAME};A (teszt);;;;Ózdi járás`,
      ].join('\n');
      const outcome = await run('programmes', 'hibas.csv', utf8(text));
      expect(outcome.status).toBe('rejected');
      expect(problemCodes(outcome)).toEqual([
        'error:UNKNOWN_VALUE@3', 'error:UNKNOWN_PARTNER@3', 'error:UNKNOWN_SETTLEMENT@3', 'error:UNKNOWN_DISTRICT@3', 'error:DUPLICATE_KEY@4',
      ]);
      const partner = outcome.report.problems[1]!;
      expect(partner).toMatchObject({ location: 'line 3', column: 'Konzorciumvezető' });
      expect(partner.message.hu).toContain('ismeretlen partnerszervezet: „Nincs Ilyen Kft. (teszt)”');
      expect(partner.message.en).toContain('unknown partner organisation "Nincs Ilyen Kft. (teszt)"');
      expect(outcome.report.problems[4]!.message.en).toContain('first in row 2');

      // The skip-invalid policy keeps the good rows; a project stored already is then refused as a duplicate.
      const skipped = await run('programmes', 'hibas.csv', utf8(text), { policy: 'skip-invalid' });
      expect(skipped).toMatchObject({ status: 'imported', written: 1 });
      const again = await run('programmes', 'hibas.csv', utf8(text), { dryRun: true });
      expect(problemCodes(again)).toContain('error:DUPLICATE_KEY@2');
      await rollbackImportRun(engine.db, skipped.importId!, TEST_ACTOR);
    } finally {
      await rollbackImportRun(engine.db, partners.importId!, TEST_ACTOR);
    }
  });

  it('refuses case and member files with personal-data columns, as need signals do', async () => {
    const cases = await run('cases', 'esetek.csv', utf8('Hálózat;Ügyszám;Név;Település;Terület;Kezdete\nH (teszt);1;Kiss Anna;Ózd;oktatás;2024-01-01'));
    expect(cases.status).toBe('rejected');
    expect(problemCodes(cases)).toEqual(['error:PERSONAL_DATA_COLUMN@file']);
    expect(cases.report.problems[0]!.message.hu).toContain('álnevesített');
    expect(cases.report.problems[0]!.message.en).toContain('pseudonymous');
    const members = await run('network-members', 'tagok.csv', utf8('Hálózat;Tagkód;Típus;Telefon;Települések\nH (teszt);M-1;önkéntes;+36301234567;Ózd'));
    expect(problemCodes(members)).toEqual(['error:PERSONAL_DATA_COLUMN@file']);
  });

  it('checks case values and keeps a regional user to their counties', async () => {
    const text = [
      'Hálózat;Ügyszám;Település;Terület;Nyújtott segítség;Kezdete;Lezárás',
      `${NETWORK_NAME};X-1;Ózd;űrutazás;tanácsadás;2024-01-01;`,
      `${NETWORK_NAME};X-2;Ózd;oktatás;jóslás;2024-13-01;`,
      `${NETWORK_NAME};X-3;Pécs;oktatás;;2024-01-01;`,
    ].join('\n');
    const outcome = await run('cases', 'esetek.csv', utf8(text), { dryRun: true, countyScope: ['05'] });
    expect(problemCodes(outcome)).toEqual(['error:UNKNOWN_VALUE@2', 'error:UNKNOWN_VALUE@3', 'error:INVALID_DATE@3', 'error:OUT_OF_SCOPE@4']);

    const members = await run('network-members', 'tagok.csv', utf8(`Hálózat;Tagkód;Típus;Települések\n${NETWORK_NAME};M-9;önkéntes;"Ózd; Pécs"`), { dryRun: true, countyScope: ['05'] });
    expect(problemCodes(members)).toEqual(['error:OUT_OF_SCOPE@2']);
    expect(members.report.problems[0]!.message.en).toContain('02');
  });
});
