import type {
  CaseAggregate,
  CaseList,
  GapAnswer,
  NetworkList,
  NetworkMemberList,
  PartnerList,
  ProgrammeCreated,
  ProgrammeDetail,
  ProgrammeList,
  ProgrammeServiceList,
} from '@terep/db';
import { describe, expect, it } from 'vitest';
import { apiSuite } from '../src/api-suite.ts';
import { engineCases } from '../src/engines.ts';
import { MENTOR_PROGRAMME_NAME, NETWORK_NAME, PROGRAMME_FIXTURES, PROGRAMME_NAME } from '../src/programme-fixtures.ts';
import { testUser } from '../src/test-users.ts';

interface Feature<P> {
  properties: P;
  geometry: { type: string };
}
interface Collection<P> {
  features: Feature<P>[];
}

/** A FeatureCollection from a layer or areas route. */
async function geojson<P>(response: Response): Promise<Collection<P>> {
  expect(response.status).toBe(200);
  return (await response.json()) as Collection<P>;
}

/** A CSV answer as text with its byte-order mark kept (Response.text() drops it). */
async function csvText(response: Response): Promise<string> {
  expect(response.headers.get('content-type')).toContain('text/csv');
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
}

describe.each(engineCases())('programmes API on $name', ({ open }) => {
  const suite = apiSuite(open, PROGRAMME_FIXTURES);

  async function programmeId(name: string): Promise<number> {
    const { programmes } = await suite.send<ProgrammeList>('GET', '/api/programmes');
    return programmes.find((programme) => programme.name === name)!.id;
  }

  it('lists the imported programmes and shows one with its projects, partners, areas, services and activities', async () => {
    const { programmes } = await suite.as('viewer').send<ProgrammeList>('GET', '/api/programmes');
    const deep = programmes.find((programme) => programme.name === PROGRAMME_NAME)!;
    expect(deep).toMatchObject({ callCode: 'TOP 6.9.1', funder: 'Európai Szociális Alap', projectCount: 2, partnerCount: 4, counties: ['05'], budgetHuf: 330000000, editable: false });

    const detail = await suite.as('viewer').send<ProgrammeDetail>('GET', `/api/programmes/${deep.id}`);
    expect(detail.projects.map((project) => [project.name, project.status, project.lead?.name, project.partners.length, project.area.map((part) => `${part.kind}:${part.name}`)])).toEqual([
      ['Ózdi telepprogram (teszt)', 'running', 'Ózd Város Önkormányzata (teszt)', 2, ['settlement:Sáta', 'settlement:Ózd']],
      ['Putnoki közösségi projekt (teszt)', 'planned', 'Putnoki Közösségi Egyesület (teszt)', 0, ['district:Putnoki']],
    ]);
    expect(detail.projects[0]!.services.map((service) => [service.key, service.palette])).toEqual([['after-school-programme', 'competence-development'], ['community-development', 'community']]);
    expect(detail.projects[0]).toMatchObject({ activityCount: 2, participantTotal: 54 });
    expect(detail.activities.map((activity) => [activity.date, activity.kind, activity.settlement.name, activity.participants])).toEqual([
      ['2019-05-18', 'workshop', 'Ózd', 42], ['2019-10-02', 'training', 'Sáta', 12], ['2020-04-20', 'forum', 'Putnok', 35],
    ]);
    expect(detail.partners.map((partner) => partner.name).sort()).toHaveLength(4);
    expect(detail.overlapsOtherProgrammes).toBe(true);

    const { services } = await suite.as('viewer').send<ProgrammeServiceList>('GET', '/api/programmes/services');
    expect(services.slice(0, 1)[0]!.palette).not.toBeNull();
    expect(services.filter((service) => service.palette === 'competence-development').map((service) => service.key)).toContain('skills-training');
  });

  it('flags the action-area parts where two programmes overlap, for hatching', async () => {
    const id = await programmeId(PROGRAMME_NAME);
    const areas = await geojson<{ name: string; overlap: boolean; overlapsWith: string[] }>(await suite.as('viewer').request(`/api/programmes/${id}/areas`));
    expect(areas.features.map((feature) => [feature.properties.name, feature.properties.overlap, feature.properties.overlapsWith])).toEqual([
      ['Sáta', false, []], ['Ózd', true, [MENTOR_PROGRAMME_NAME]], ['Putnoki', false, []],
    ]);
    const layer = await geojson<{ programmeName: string; overlap: boolean }>(await suite.as('viewer').request('/api/layers/programme-areas'));
    expect(layer.features.filter((feature) => feature.properties.overlap).map((feature) => feature.properties.programmeName).sort())
      .toEqual([PROGRAMME_NAME, MENTOR_PROGRAMME_NAME]);
    const seats = await geojson<{ name: string; settlementName: string }>(await suite.as('viewer').request(`/api/layers/partner-seats?programme=${id}`));
    expect(seats.features).toHaveLength(4);
    expect(seats.features[0]!.geometry.type).toBe('Point');
    const activities = await geojson<{ date: string }>(await suite.as('viewer').request(`/api/layers/programme-activities?programme=${id}&from=2019-06-01&to=2020-12-31`));
    expect(activities.features.map((feature) => feature.properties.date)).toEqual(['2019-10-02', '2020-04-20']);
  });

  it('withholds case counts below 5 from viewers and other counties, in the API, the layers and the CSV export', async () => {
    type Row = CaseAggregate['rows'][number];
    const byName = (aggregate: CaseAggregate) => Object.fromEntries(aggregate.rows.map((row: Row) => [row.name, row]));

    const viewer = byName(await suite.as('viewer').send<CaseAggregate>('GET', '/api/cases/aggregate'));
    expect(viewer['Ózd']!.total).toEqual({ value: 6, belowThreshold: false });
    expect(viewer['Ózd']!.byDomain.education).toEqual({ value: 6, belowThreshold: false });
    expect(viewer['Ózd']!.open).toEqual({ value: null, belowThreshold: true });
    expect(viewer['Arló']!.total).toEqual({ value: null, belowThreshold: true });
    expect(viewer['Arló']!.byDomain.housing).toEqual({ value: null, belowThreshold: true });
    expect(viewer['Arló']!.byDomain.education).toEqual({ value: 0, belowThreshold: false });

    // The case's own region and admins see them exactly; another county's staff do not.
    expect(byName(await suite.as('regional', ['05']).send<CaseAggregate>('GET', '/api/cases/aggregate'))['Arló']!.total).toEqual({ value: 2, belowThreshold: false });
    expect(byName(await suite.as('regional', ['02']).send<CaseAggregate>('GET', '/api/cases/aggregate'))['Arló']!.total).toEqual({ value: null, belowThreshold: true });
    expect(byName(await suite.send<CaseAggregate>('GET', '/api/cases/aggregate'))['Arló']!.open).toEqual({ value: 2, belowThreshold: false });

    const districts = await suite.as('viewer').send<CaseAggregate>('GET', '/api/cases/aggregate?level=district&domain=housing');
    expect(districts.rows.map((row) => [row.name, row.total])).toEqual([['Ózdi', { value: null, belowThreshold: true }]]);

    const csv = await csvText(await suite.as('viewer').request('/api/cases/aggregate.csv'));
    expect(csv.startsWith('\uFEFFKSH-kód;Település;')).toBe(true);
    expect(csv).toContain('14331;Arló;05;<5;<5;0;<5;0;0;0;0');
    expect(csv).toContain('14492;Ózd;05;6;<5;6;0;0;0;0;0');

    const density = await geojson<{ name: string; cases: number | null; casesBelowThreshold: boolean; perThousand: number | null }>(
      await suite.as('viewer').request('/api/layers/case-density'));
    const arlo = density.features.find((feature) => feature.properties.name === 'Arló')!.properties;
    expect(arlo).toMatchObject({ cases: null, casesBelowThreshold: true, perThousand: null });
    const adminDensity = await geojson<{ name: string; cases: number | null }>(await suite.request('/api/layers/case-density?domain=housing'));
    expect(adminDensity.features.map((feature) => [feature.properties.name, feature.properties.cases])).toEqual([['Arló', 2]]);

    const { networks } = await suite.as('viewer').send<NetworkList>('GET', '/api/networks');
    expect(networks.find((network) => network.name === NETWORK_NAME)).toMatchObject({ memberCount: 2, partnerCount: 1, cases: { value: 8, belowThreshold: false } });
    const helpers = await geojson<{ name: string; members: number | null; membersBelowThreshold: boolean }>(await suite.as('viewer').request('/api/layers/helper-areas'));
    expect(helpers.features.map((feature) => [feature.properties.name, feature.properties.members, feature.properties.membersBelowThreshold]).sort())
      .toEqual([['Arló', null, true], ['Encsi', null, true], ['Ózd', null, true]]);
  });

  it('gives raw cases only to admins and regional staff in their counties, and members not to viewers', async () => {
    expect((await suite.send<CaseList>('GET', '/api/cases')).cases.filter((entry) => entry.caseNumber.startsWith('L-2024'))).toHaveLength(2);
    expect((await suite.as('regional', ['02']).send<CaseList>('GET', '/api/cases')).cases.filter((entry) => entry.countyCode === '05')).toEqual([]);
    await suite.as('viewer').send('GET', '/api/cases', undefined, 403);
    const network = (await suite.send<NetworkList>('GET', '/api/networks')).networks.find((entry) => entry.name === NETWORK_NAME)!;
    const { members } = await suite.as('planner').send<NetworkMemberList>('GET', `/api/networks/${network.id}/members`);
    expect(members.map((member) => [member.memberCode, member.kind, member.experience, member.settlements.map((place) => place.name), member.districts.map((place) => place.name)])).toEqual([
      ['M-001', 'volunteer', 'experienced', ['Arló', 'Ózd'], []],
      ['M-002', 'organisation-member', 'new', [], ['Encsi']],
    ]);
    await suite.as('viewer').send('GET', `/api/networks/${network.id}/members`, undefined, 403);
  });

  it('lets admins, coordinators and the regional staff of its counties edit a programme, and nobody else', async () => {
    const id = await programmeId(PROGRAMME_NAME);
    await suite.as('viewer').send('PATCH', `/api/programmes/${id}`, { description: 'x' }, 403);
    expect((await suite.as('logistics').send<{ error: { code: string } }>('PATCH', `/api/programmes/${id}`, { description: 'x' }, 403)).error.code).toBe('NOT_COORDINATOR');
    expect((await suite.as('regional', ['02']).send<{ error: { code: string } }>('PATCH', `/api/programmes/${id}`, { description: 'x' }, 403)).error.code).toBe('NOT_COORDINATOR');
    expect((await suite.as('regional', ['05']).send<ProgrammeDetail>('PATCH', `/api/programmes/${id}`, { description: 'Borsodi telepprogramok' })).description).toBe('Borsodi telepprogramok');

    // An admin names the logistics user a coordinator: now they may edit it (and see it as editable).
    const logistics = testUser('logistics').username;
    await suite.as('logistics').send('GET', '/api/programmes');
    expect((await suite.send<{ error: { code: string } }>('PUT', `/api/programmes/${id}/coordinators`, { usernames: ['nobody-here'] }, 400)).error.code).toBe('UNKNOWN_USER');
    expect((await suite.send<ProgrammeDetail>('PUT', `/api/programmes/${id}/coordinators`, { usernames: [logistics] })).coordinators).toEqual([logistics]);
    expect((await suite.as('logistics').send<ProgrammeDetail>('PATCH', `/api/programmes/${id}`, { funder: 'ESZA+' })).funder).toBe('ESZA+');
    expect((await suite.as('logistics').send<ProgrammeList>('GET', '/api/programmes')).programmes.find((programme) => programme.id === id)!.editable).toBe(true);
    await suite.send('PUT', `/api/programmes/${id}/coordinators`, { usernames: [] });
    await suite.send('PATCH', `/api/programmes/${id}`, { funder: 'Európai Szociális Alap', description: null });
  });

  it('creates a programme with a drawn project, targets and an activity, exports it as CSV, and removes it', async () => {
    const { id } = await suite.as('planner').send<ProgrammeCreated>('POST', '/api/programmes', { name: 'Kísérleti program (teszt)', callCode: 'TOP-5.2.1', startsOn: '2024-01-01' }, 201);
    expect((await suite.as('planner').send<{ error: { code: string } }>('POST', '/api/programmes', { name: 'kísérleti PROGRAM (teszt)' }, 409)).error.code).toBe('PROGRAMME_EXISTS');
    const { partners } = await suite.send<PartnerList>('GET', '/api/partners');
    const school = partners.find((partner) => partner.name.startsWith('Sátai'))!;
    const polygon = { type: 'Polygon', coordinates: [[[20.28, 48.2], [20.32, 48.2], [20.32, 48.23], [20.28, 48.23], [20.28, 48.2]]] };

    const bad = await suite.as('planner').send<{ error: { code: string } }>('POST', `/api/programmes/${id}/projects`, { name: 'X', services: ['varazslas'] }, 400);
    expect(bad.error.code).toBe('UNKNOWN_SERVICE_TYPE');
    expect((await suite.as('planner').send<{ error: { code: string } }>('POST', `/api/programmes/${id}/projects`, { name: 'X', area: [{ kind: 'settlement', code: '99999' }] }, 400)).error.code).toBe('UNKNOWN_AREA');
    // The creator coordinates it; a regional user of another county may not add to it.
    await suite.as('regional', ['02']).send('POST', `/api/programmes/${id}/projects`, { name: 'Y', area: [{ kind: 'polygon', name: 'Telep', geometry: polygon }] }, 403);

    const project = await suite.as('planner').send<ProgrammeCreated>('POST', `/api/programmes/${id}/projects`, {
      name: 'Ózd-Hétes telep (teszt)', status: 'running', budgetHuf: 12000000, leadPartnerId: school.id, services: ['skills-training', 'learning-support'],
      area: [{ kind: 'polygon', name: 'Hétes (rajzolt)', geometry: polygon }],
    }, 201);
    await suite.as('planner').send('PUT', `/api/projects/${project.id}/targets`, { targets: [
      { indicator: 'Bevont személyek száma', unit: 'fő', target: 120, achieved: 90, reportedOn: '2024-06-30' },
      { indicator: 'Képzést elvégzők', unit: 'fő', target: 40 },
    ] });
    const activity = await suite.as('planner').send<ProgrammeCreated>('POST', `/api/projects/${project.id}/activities`,
      { kind: 'supervision', title: 'Esetmegbeszélés (teszt)', date: '2024-03-05', settlementCode: '14492', participants: 8 }, 201);
    expect((await suite.as('planner').send<{ error: { code: string } }>('POST', `/api/projects/${project.id}/activities`,
      { kind: 'forum', date: '2024-03-05', settlementCode: '99999' }, 400)).error.code).toBe('UNKNOWN_SETTLEMENT');

    const detail = await suite.as('planner').send<ProgrammeDetail>('GET', `/api/programmes/${id}`);
    expect(detail).toMatchObject({ editable: true, coordinators: [testUser('planner').username], counties: ['05'] });
    expect(detail.projects[0]!.targets.map((target) => [target.indicator, target.target, target.achieved, target.ratio])).toEqual([
      ['Bevont személyek száma', 120, 90, 0.75], ['Képzést elvégzők', 40, null, null],
    ]);
    expect(detail.projects[0]!.area).toMatchObject([{ kind: 'polygon', name: 'Hétes (rajzolt)', counties: ['05'] }]);
    expect(detail.overlapsOtherProgrammes).toBe(true);

    const csvResponse = await suite.as('viewer').request(`/api/programmes/${id}/export.csv`);
    expect(csvResponse.headers.get('content-type')).toContain('text/csv');
    const csv = await csvText(csvResponse);
    expect(csv.startsWith('\uFEFFProgram;Kísérleti program (teszt)\r\n')).toBe(true);
    expect(csv).toContain('Ózd-Hétes telep (teszt);;folyamatban;;;12000000;Sátai Általános Iskola (teszt);;1;8');
    expect(csv).toContain('Ózd-Hétes telep (teszt);Bevont személyek száma;fő;120;90;75;2024-06-30');
    expect(csv).toContain('2024-03-05;Ózd-Hétes telep (teszt);szupervízió;Esetmegbeszélés (teszt);Ózd;8');

    await suite.as('planner').send('DELETE', `/api/activities/${activity.id}`);
    await suite.as('planner').send('PATCH', `/api/projects/${project.id}`, { status: 'completed', area: [{ kind: 'settlement', code: '14492' }] });
    expect((await suite.as('planner').send<ProgrammeDetail>('GET', `/api/programmes/${id}`)).projects[0]).toMatchObject({ status: 'completed', activityCount: 0 });
    await suite.as('regional', ['05']).send('DELETE', `/api/programmes/${id}`, undefined, 403);
    await suite.as('planner').send('DELETE', `/api/programmes/${id}`);
    await suite.send('GET', `/api/programmes/${id}`, undefined, 404);
  });

  it('ranks settlements and districts by need against programme presence and helper reach', async () => {
    const answer = await suite.as('viewer').send<GapAnswer>('GET', '/api/gaps?need=dev_index_290_2014&radiusKm=15&limit=3200');
    expect(answer).toMatchObject({ level: 'settlement', need: { key: 'dev_index_290_2014', year: 2014 }, radiusKm: 15, highNeedPercentile: 0.8 });
    const row = (name: string) => answer.rows.find((entry) => entry.name === name)!;
    expect(row('Ózd')).toMatchObject({ programmePresent: true, nearestProgrammeKm: 0, helperPresent: true, nearestHelperKm: 0, gap: false });
    expect(row('Putnok')).toMatchObject({ programmePresent: true, helperPresent: false, gap: false });
    expect(row('Encs')).toMatchObject({ helperPresent: true, nearestHelperKm: 0 });
    expect(row('Sáta').nearestHelperKm).toBeGreaterThan(0);
    expect(row('Sáta').nearestHelperKm).toBeLessThan(15);
    expect(row('Pécs')).toMatchObject({ programmePresent: false, helperPresent: false });
    expect(row('Pécs').nearestProgrammeKm).toBeGreaterThan(150);
    expect(row('Pécs').nearestHelperKm).toBeGreaterThan(150);
    // Gaps come first, ranked; each is in high need with no programme and no helper within 15 km.
    const gaps = answer.rows.filter((entry) => entry.gap);
    expect(gaps.length).toBe(answer.gapCount);
    expect(answer.rows.slice(0, gaps.length).every((entry) => entry.gap)).toBe(true);
    expect(gaps.every((entry) => entry.needPercentile >= 0.8 && !entry.programmePresent && (entry.nearestHelperKm === null || entry.nearestHelperKm > 15))).toBe(true);
    expect(answer.rows.map((entry) => entry.rank)).toEqual(answer.rows.map((_entry, index) => index + 1));

    const districts = await suite.as('viewer').send<GapAnswer>('GET', '/api/gaps?need=dev_index_290_2014&level=district&limit=200');
    expect(districts.rows).toHaveLength(districts.considered);
    expect(districts.rows.find((entry) => entry.name === 'Ózdi')).toMatchObject({ programmePresent: true, helperPresent: true });
    expect((await suite.as('viewer').send<{ error: { code: string } }>('GET', '/api/gaps?need=benef_105_2015', undefined, 400)).error.code).toBe('UNKNOWN_NEED_INDICATOR');
  });
});
