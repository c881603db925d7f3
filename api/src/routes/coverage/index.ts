import { activeRoadNetwork, listIndicators, readSettings, settlementReach, type Engine } from '@terep/db';
import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../../http/api-error.ts';
import { parseParam, queryList } from '../../http/parse-query.ts';
import { summariseCoverage } from '../../coverage/summarise-coverage.ts';
import { settlementRoadKm } from '../../travel/nearest-service-distance.ts';

const typesSchema = z.array(z.string().regex(/^[a-z0-9-]{1,64}$/, { error: 'must be service type keys' })).min(1, { error: 'name at least one service type' });
const reachSchema = z.coerce.number({ error: 'must be a number' }).positive({ error: 'must be above 0' }).max(500, { error: 'must be at most 500' });
const limitSchema = z.coerce.number().int().min(1).max(200);

/**
 * Service coverage: which settlements and outskirts a service type reaches
 * within a distance or travel time. With a road network loaded distances are
 * shortest road distances from the nearest service; without one, straight
 * lines times the detour factor. The answer says which.
 */
export function coverageRoutes(engine: Engine): Hono {
  return new Hono().get('/', async (c) => {
    const typeKeys = parseParam('type', queryList(c, 'type'), typesSchema);
    const settings = await readSettings(engine.db);
    const minutes = c.req.query('reachMinutes');
    const reachKm = minutes !== undefined
      ? (parseParam('reachMinutes', minutes, reachSchema) / 60) * settings.travelSpeedKmh
      : parseParam('reachKm', c.req.query('reachKm'), reachSchema);
    const needIndicator = c.req.query('rankBy');
    let needDirection = 0;
    if (needIndicator) {
      const indicator = (await listIndicators(engine.db)).find((entry) => entry.key === needIndicator);
      if (!indicator) throw new ApiError(404, 'INDICATOR_NOT_FOUND', `Unknown indicator "${needIndicator}".`, { indicator: needIndicator });
      if (!indicator.levels.includes('settlement')) throw new ApiError(400, 'INVALID_PARAMETER', `Invalid "rankBy": "${needIndicator}" has no settlement values.`, { reason: 'no-settlement-values', indicator: needIndicator });
      if (indicator.needDirection === 0) throw new ApiError(400, 'INVALID_PARAMETER', `Invalid "rankBy": "${needIndicator}" does not measure need (no need direction).`, { reason: 'no-need-direction', indicator: needIndicator });
      needDirection = indicator.needDirection;
    }
    const services = await engine.db.selectFrom('institution').select((eb) => eb.fn.countAll<number>().as('n')).where('type_key', 'in', typeKeys).executeTakeFirstOrThrow();
    const network = await activeRoadNetwork(engine.db);
    const roadDistanceKm = network ? await settlementRoadKm(engine, network, typeKeys) : undefined;
    const places = await settlementReach(engine.db, { typeKeys, reachKm, detourFactor: settings.detourFactor, needIndicator, roadDistanceKm });
    return c.json(summariseCoverage(places, {
      reachKm,
      distanceMethod: network ? { kind: 'road-network', detourFactor: 1 } : { kind: 'straight-line-estimate', detourFactor: settings.detourFactor },
      services: Number(services.n),
      needDirection,
      limit: parseParam('limit', c.req.query('limit') ?? '25', limitSchema),
    }));
  });
}
