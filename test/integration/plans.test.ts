import { planningInstitutions, planningSettlements, roundToMetres, type ApiErrorBody, type PlanDetail, type PlanScenario } from '@terep/db';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { handleError } from '../../api/src/http/api-error.ts';
import { planRoutes } from '../../api/src/routes/plans/index.ts';
import { travelMatrix } from '../../api/src/travel/travel-matrix.ts';
import { apiSuite } from '../src/api-suite.ts';
import { engineCases } from '../src/engines.ts';
import { utf8 } from '../src/org-fixtures.ts';
import type { Client } from '../src/test-users.ts';

/** Komárom-Esztergom: 76 settlements, small enough for the exact solver in a test. */
const COUNTY = '11';
/** Two elderly day-care centres in the county, synthetic test fixtures. */
const INSTITUTIONS_CSV = [
  'név;típus;lon;lat;férőhely',
  'Tatabányai Idősek Klubja (teszt);Idősek klubja;18.3940;47.5860;40',
  'Esztergomi Idősek Klubja (teszt);Idősek klubja;18.7403;47.7856;30',
].join('\n');

/** Need signals in three of the county's 76 settlements (Aka, Baj, Bajna), synthetic test fixtures. */
const SIGNALS_CSV = 'KSH kód;kategória;háztartások;dátum;szervezet\n06682;élelmiszer;8;2025-10-01;Teszt\n29212;fűtés;6;2025-10-02;Teszt\n16744;élelmiszer;10;2025-10-03;Teszt\n';
const SIGNAL_CODES = ['06682', '29212', '16744'];

interface SseEvent {
  event: string;
  data: unknown;
}

function parseEvents(text: string): SseEvent[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((line) => line.startsWith('event: '))?.slice(7) ?? 'message';
      const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
      return { event, data: JSON.parse(data) as unknown };
    });
}

describe.each(engineCases())('siting plans on $name', ({ open }) => {
  const suite = apiSuite(open, [
    { kind: 'institutions', fileName: 'idosek-klubjai.csv', bytes: utf8(INSTITUTIONS_CSV) },
    { kind: 'need-signals', fileName: 'jelzesek.csv', bytes: utf8(SIGNALS_CSV) },
  ]);
  const created: number[] = [];
  // Registered after the suite's hooks, so it runs before the fixtures' rollback.
  afterAll(async () => {
    for (const id of created) await suite.request(`/api/plans/${id}`, { method: 'DELETE' });
  });

  const post = async (body: unknown, target: Client = suite): Promise<{ status: number; body: { id?: number; error?: ApiErrorBody['error'] } }> => {
    const response = await target.request('/api/plans', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
    const answer = (await response.json()) as { id?: number; error?: ApiErrorBody['error'] };
    if (answer.id) created.push(answer.id);
    return { status: response.status, body: answer };
  };
  const events = async (id: number, target: Client = suite): Promise<SseEvent[]> => {
    const response = await target.request(`/api/plans/${id}/events`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    return parseEvents(await response.text());
  };
  const detail = async (id: number, target: Client = suite): Promise<PlanDetail> => {
    const response = await target.request(`/api/plans/${id}`);
    expect(response.status).toBe(200);
    return (await response.json()) as PlanDetail;
  };

  it('solves a p-median in one county to proven optimality, streaming progress, and keeps it as a scenario', async () => {
    const started = await post({ name: 'Idősek klubjai, 3 új (teszt)', model: 'pmedian', serviceType: 'elderly-day-care', county: COUNTY, p: 3, method: 'exact' });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const id = started.body.id!;

    const stream = await events(id);
    const kinds = stream.map((event) => event.event);
    expect(kinds.at(-1), JSON.stringify(stream)).toBe('done');
    expect(kinds.slice(0, -1).every((kind) => kind === 'progress')).toBe(true);
    const stages = stream.filter((event) => event.event === 'progress').map((event) => (event.data as { stage: string }).stage);
    expect(stages).toEqual(expect.arrayContaining(['loading-inputs', 'distances', 'heuristic', 'exact']));
    expect(stages.indexOf('distances')).toBeLessThan(stages.indexOf('exact'));

    const plan = await detail(id);
    expect(plan).toMatchObject({ id, name: 'Idősek klubjai, 3 új (teszt)', status: 'done', error: null });
    const result = plan.result!;
    expect(result).toMatchObject({ model: 'pmedian', status: 'optimal', gap: 0, unit: 'km', reach: 15, distanceMethod: { kind: 'straight-line-estimate', detourFactor: 1.3 } });

    const settlements = await planningSettlements(suite.engine.db, { countyCode: COUNTY });
    const codes = new Set(settlements.map((settlement) => settlement.code));
    expect(result.demandPoints).toBe(settlements.length);
    const added = result.sites.filter((site) => site.kind === 'new');
    const existing = result.sites.filter((site) => site.kind === 'existing');
    expect(added).toHaveLength(3);
    expect(existing.map((site) => site.name).sort()).toEqual(['Esztergomi Idősek Klubja (teszt)', 'Tatabányai Idősek Klubja (teszt)']);
    for (const site of added) expect(codes.has(site.code), `${site.code} is a settlement of the county`).toBe(true);
    expect(result.assignments).toHaveLength(settlements.length);

    // The objective again, from the sites alone: every resident to the nearest open site, distances in whole metres.
    const institutions = await planningInstitutions(suite.engine.db, { typeKey: 'elderly-day-care', countyCode: COUNTY });
    const open = [...added.map((site) => settlements.find((settlement) => settlement.code === site.code)!), ...institutions];
    const matrix = await travelMatrix(suite.engine, settlements, open);
    let objective = 0;
    settlements.forEach((settlement, i) => {
      objective += settlement.population2024 * roundToMetres(Math.min(...matrix.distanceKm.subarray(i * open.length, (i + 1) * open.length)));
    });
    expect(result.objective).toBeCloseTo(objective, 3);

    // Adding sites only brings people closer.
    expect(result.before.sites).toBe(2);
    expect(result.after.sites).toBe(5);
    expect(result.after.meanDistance!).toBeLessThan(result.before.meanDistance!);
    expect(result.after.coveredPopulation).toBeGreaterThanOrEqual(result.before.coveredPopulation);
    expect(result.after.population).toBe(settlements.reduce((sum, settlement) => sum + settlement.population2024, 0));

    const list = (await (await suite.request('/api/plans')).json()) as { plans: PlanScenario[] };
    const listed = list.plans.find((scenario) => scenario.id === id)!;
    expect(listed.summary).toMatchObject({ model: 'pmedian', status: 'optimal', objective: result.objective });
    expect(listed.sites!.map((site) => site.id).sort()).toEqual(result.sites.map((site) => site.id).sort());
    expect(listed).not.toHaveProperty('result');
  });

  it('plans for need signals only where they are, warns that most weight is zero and says what it optimised', async () => {
    const started = await post({ model: 'pmedian', serviceType: 'elderly-day-care', county: COUNTY, p: 1, method: 'exact', weight: { kind: 'need-signals', signal: 'households' } });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect((await events(started.body.id!)).at(-1)!.event).toBe('done');
    const { result, summary } = await detail(started.body.id!);
    expect(result!.weight).toEqual({ kind: 'need-signals', signal: 'households' });
    expect(result!.demandPoints).toBe(3);
    expect(result!.zeroWeight).toBe(73);
    expect(result!.warnings).toEqual([{ code: 'MOSTLY_ZERO_WEIGHT', params: { zero: 73, weighted: 3, weight: 'need-signals' } }]);
    expect(summary!.warnings).toEqual(result!.warnings);
    // No line from a settlement without signals, and the figures count only the weighted settlements.
    expect(new Set(result!.assignments.map((line) => line.code))).toEqual(new Set(SIGNAL_CODES));
    expect(Object.keys(result!.coverageBySettlement).sort()).toEqual([...SIGNAL_CODES].sort());
    expect(result!.after.totalWeight).toBe(24);
  });

  it('covers the most residents within a travel time with MCLP, measured in minutes', async () => {
    const started = await post({ model: 'mclp', serviceType: 'elderly-day-care', county: COUNTY, p: 2, reachMinutes: 10 });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const stream = await events(started.body.id!);
    expect(stream.at(-1)!.event).toBe('done');
    const result = (await detail(started.body.id!)).result!;
    expect(result).toMatchObject({ model: 'mclp', unit: 'minutes', reach: 10 });
    expect(result.objective).toBeCloseTo(result.after.coveredWeight!, 0);
    expect(result.after.coveredPopulation).toBeGreaterThan(result.before.coveredPopulation);
    for (const assignment of result.assignments) expect(assignment.distance).toBeLessThanOrEqual(10);
  });

  it('refuses infeasible requests at once with a code and the reason, and keeps no scenario', async () => {
    const before = ((await (await suite.request('/api/plans')).json()) as { plans: unknown[] }).plans.length;
    const tooMany = await post({ model: 'pmedian', serviceType: 'elderly-day-care', county: COUNTY, p: 3, candidates: { kind: 'list', codes: ['04428', '18139'] } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toEqual({ code: 'INFEASIBLE', message: 'p = 3 new sites exceed the 2 candidate settlements.', params: { reason: 'p-exceeds-candidates', p: 3, candidates: 2 } });

    const unreachable = await post({ model: 'lscp', serviceType: 'elderly-day-care', county: COUNTY, reachKm: 2, candidates: { kind: 'list', codes: ['04428'] } });
    expect(unreachable.status).toBe(400);
    expect(unreachable.body.error!.code).toBe('INFEASIBLE');
    expect(unreachable.body.error!.message).toMatch(/^No set of sites covers everyone within 2: \d+ demand points have no candidate site within reach/);
    expect(unreachable.body.error!.params).toMatchObject({ reason: 'demand-out-of-reach', reach: 2, count: expect.any(Number) });

    const shortCapacity = await post({ model: 'pmedian', serviceType: 'elderly-day-care', county: COUNTY, p: 1, capacitated: true, capacity: 1000 });
    expect(shortCapacity.status).toBe(400);
    expect(shortCapacity.body.error!.code).toBe('INFEASIBLE');
    expect(shortCapacity.body.error!.message).toMatch(/^Capacities fall short of demand/);
    expect(shortCapacity.body.error!.params).toMatchObject({ reason: 'capacity-below-demand', capacity: expect.any(Number), demand: expect.any(Number) });

    const noReach = await post({ model: 'mclp', serviceType: 'elderly-day-care', p: 2 });
    expect(noReach.status).toBe(400);
    expect(noReach.body.error).toMatchObject({ code: 'INVALID_PARAMETER', message: expect.stringContaining('"reachKm"') });
    const unknownType = await post({ model: 'pmedian', serviceType: 'no-such-service', p: 2 });
    expect(unknownType.body.error).toMatchObject({ code: 'INVALID_PARAMETER', message: expect.stringContaining('no-such-service'), params: { reason: 'unknown-service-type', serviceType: 'no-such-service' } });
    const unknownCode = await post({ model: 'pmedian', serviceType: 'elderly-day-care', p: 1, candidates: { kind: 'list', codes: ['99999'] } });
    expect(unknownCode.body.error).toMatchObject({ code: 'INVALID_PARAMETER', message: expect.stringContaining('99999') });

    expect(((await (await suite.request('/api/plans')).json()) as { plans: unknown[] }).plans).toHaveLength(before);
  });

  it('reports a failure found after answering through the event stream and the scenario, with the same code', async () => {
    // No waiting for the checks: the run is accepted first and fails in the background.
    // Mounted without the auth middleware, so the test sets the signed-in user the handlers audit.
    const eager = new Hono()
      .use('*', async (c, next) => {
        c.set('user', { id: 0, username: 'test', role: 'admin', counties: [], mustChangePassword: false });
        await next();
      })
      .route('/api/plans', planRoutes(suite.engine, { prepareWaitMs: 0 }));
    eager.onError(handleError);
    const started = await post({ model: 'lscp', serviceType: 'elderly-day-care', county: COUNTY, reachKm: 2, candidates: { kind: 'list', codes: ['04428'] } }, eager);
    expect(started.status).toBe(202);
    const stream = await events(started.body.id!, eager);
    expect(stream.at(-1)).toMatchObject({ event: 'failed', data: { id: started.body.id, error: { code: 'INFEASIBLE', params: { reason: 'demand-out-of-reach', reach: 2 } } } });
    const plan = await detail(started.body.id!, eager);
    expect(plan).toMatchObject({ status: 'failed', result: null, error: { code: 'INFEASIBLE', params: { reason: 'demand-out-of-reach' } } });
    expect(plan.error!.message).toBe((stream.at(-1)!.data as { error: { message: string } }).error.message);
  });

  it('answers 404 for unknown plans and deletes scenarios', async () => {
    for (const [method, path] of [['GET', '/api/plans/999999'], ['GET', '/api/plans/999999/events'], ['DELETE', '/api/plans/999999']] as const) {
      const response = await suite.request(path, { method });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('PLAN_NOT_FOUND');
    }
    const started = await post({ model: 'pcenter', serviceType: 'elderly-day-care', county: COUNTY, p: 1, method: 'heuristic' });
    expect(started.status).toBe(202);
    expect((await events(started.body.id!)).at(-1)!.event).toBe('done');
    expect((await detail(started.body.id!)).result).toMatchObject({ model: 'pcenter', status: 'heuristic', gap: null });
    const deleted = await suite.request(`/api/plans/${started.body.id}`, { method: 'DELETE' });
    expect(await deleted.json()).toEqual({ id: started.body.id, deleted: true });
    expect((await suite.request(`/api/plans/${started.body.id}`)).status).toBe(404);
  });
});
