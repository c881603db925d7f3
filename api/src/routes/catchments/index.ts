import { CAPACITY_UNIT, listWarehouseSites, readSettings, type Engine, type WarehouseSite } from '@terep/db';
import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../../http/api-error.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { computeCatchments, diffCatchments } from '../../catchments/compute-catchments.ts';
import { withholdSmallCounts, type ExactCatchmentAnswer } from '../../catchments/withhold-small-counts.ts';

const siteSchema = z.object({
  id: z.number().int().positive().optional(),
  name: z.string().min(1).max(200),
  lon: z.number().min(15.5).max(23.5),
  lat: z.number().min(45.5).max(48.8),
  capacity: z.number().positive().nullable().optional(),
});

const requestSchema = z.object({
  mode: z.enum(['nearest', 'capacitated']).default('nearest'),
  demand: z.enum(['population', 'households', 'persons']).default('population'),
  maxDistanceKm: z.number().positive().max(1000).nullable().default(null),
  /** A what-if: sites to add, or to move/re-size when `id` names a stored warehouse; and stored ids to close. */
  scenario: z.object({
    sites: z.array(siteSchema).max(100).default([]),
    remove: z.array(z.number().int().positive()).max(100).default([]),
  }).optional(),
}).strict();

function applyScenario(baseline: WarehouseSite[], scenario: NonNullable<z.infer<typeof requestSchema>['scenario']>): WarehouseSite[] {
  for (const id of [...scenario.remove, ...scenario.sites.flatMap((site) => (site.id ? [site.id] : []))]) {
    if (!baseline.some((site) => site.id === id)) throw new ApiError(404, 'NOT_FOUND', `No warehouse #${id} to change in the scenario.`, { reason: 'unknown-warehouse', id });
  }
  const changed = new Map(scenario.sites.filter((site) => site.id).map((site) => [site.id!, site]));
  const kept = baseline
    .filter((site) => site.id === null || !scenario.remove.includes(site.id))
    .map((site) => {
      const change = site.id ? changed.get(site.id) : undefined;
      return change ? { ...site, name: change.name, lon: change.lon, lat: change.lat, capacity: change.capacity ?? site.capacity } : site;
    });
  const added = scenario.sites.filter((site) => !site.id).map((site) => ({ id: null, name: site.name, lon: site.lon, lat: site.lat, capacity: site.capacity ?? null, countyCode: null }));
  return [...kept, ...added];
}

/** Warehouse catchments: nearest or capacity-respecting assignment, and what-if scenarios against the current sites. */
export function catchmentRoutes(engine: Engine): Hono {
  return new Hono().post('/', async (c) => {
    const request = await readJsonBody(c, requestSchema);
    if (request.mode === 'capacitated' && request.demand !== CAPACITY_UNIT) {
      throw new ApiError(
        400,
        'DEMAND_CAPACITY_MISMATCH',
        `Warehouse capacities count ${CAPACITY_UNIT} (parcels, one per household): a capacitated catchment needs the demand in ${CAPACITY_UNIT}, not ${request.demand}.`,
        { capacityUnit: CAPACITY_UNIT, demand: request.demand },
      );
    }
    const baselineSites = await listWarehouseSites(engine.db);
    if (baselineSites.length === 0 && !request.scenario?.sites.length) {
      throw new ApiError(409, 'NO_WAREHOUSES', 'No warehouses yet: import the warehouses first (or add sites in a scenario).', {});
    }
    const { detourFactor } = await readSettings(engine.db);
    const options = { mode: request.mode, demand: request.demand, maxDistanceKm: request.maxDistanceKm, detourFactor };
    let answer: ExactCatchmentAnswer;
    if (!request.scenario) {
      answer = { result: await computeCatchments(engine, baselineSites, options) };
    } else {
      const scenarioSites = applyScenario(baselineSites, request.scenario);
      if (scenarioSites.length === 0) throw new ApiError(400, 'INVALID_PARAMETER', 'The scenario closes every warehouse.', { reason: 'scenario-closes-all' });
      const scenario = await computeCatchments(engine, scenarioSites, options);
      const baseline = baselineSites.length > 0 ? await computeCatchments(engine, baselineSites, options) : null;
      answer = { result: scenario, baseline, difference: baseline ? diffCatchments(baseline, scenario) : null };
    }
    // Loads of signalled families are exact only for admins (regional users see warehouses across county lines).
    return c.json(c.get('user').role === 'admin' ? answer : withholdSmallCounts(answer));
  });
}
