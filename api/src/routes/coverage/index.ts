import { activeRoadNetwork, DEFAULT_RANK_INDICATOR, hasNeedSignals, readSettings, settlementReach, type CoverageRanking, type Engine } from '@terep/db';
import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../../http/api-error.ts';
import { parseParam, queryList } from '../../http/parse-query.ts';
import { summariseCoverage } from '../../coverage/summarise-coverage.ts';
import type { IndicatorReads } from '../../indicators/indicator-reads.ts';
import { settlementRoadKm } from '../../travel/nearest-service-distance.ts';

const typesSchema = z.array(z.string().regex(/^[a-z0-9-]{1,64}$/, { error: 'must be service type keys' })).min(1, { error: 'name at least one service type' });
const reachSchema = z.coerce.number({ error: 'must be a number' }).positive({ error: 'must be above 0' }).max(500, { error: 'must be at most 500' });
const limitSchema = z.coerce.number().int().min(1).max(200);

/**
 * The ranking rule of the neediest uncovered places: the chosen indicator, or need signals (`rankBy=need-signals`);
 * by default need signals when any are in force (not withdrawn), else the 290/2014 development index. Never population alone.
 */
async function chooseRanking(engine: Engine, indicators: IndicatorReads, rankBy: string | undefined): Promise<CoverageRanking> {
  if (rankBy === 'need-signals' || (rankBy === undefined && (await hasNeedSignals(engine.db)))) return { by: 'need-signals', tieBreak: 'population' };
  const key = rankBy ?? DEFAULT_RANK_INDICATOR;
  const indicator = (await indicators.catalogue()).indicators.find((entry) => entry.key === key);
  if (!indicator) throw new ApiError(404, 'INDICATOR_NOT_FOUND', `Unknown indicator "${key}".`);
  if (!indicator.levels.includes('settlement')) throw new ApiError(400, 'INVALID_PARAMETER', `Invalid "rankBy": "${key}" has no settlement values.`);
  if (indicator.needDirection === 0) throw new ApiError(400, 'INVALID_PARAMETER', `Invalid "rankBy": "${key}" does not measure need (no need direction).`);
  return { by: 'indicator', indicator: key, needDirection: indicator.needDirection > 0 ? 1 : -1, tieBreak: 'population' };
}

/**
 * Service coverage: which settlements and outskirts a service type reaches
 * within a distance or travel time. With a road network loaded distances are
 * shortest road distances from the nearest service; without one, straight
 * lines times the detour factor. The answer says which.
 */
export function coverageRoutes(engine: Engine, indicators: IndicatorReads): Hono {
  return new Hono().get('/', async (c) => {
    const typeKeys = parseParam('type', queryList(c, 'type'), typesSchema);
    const settings = await readSettings(engine.db);
    const minutes = c.req.query('reachMinutes');
    const reachKm = minutes !== undefined
      ? (parseParam('reachMinutes', minutes, reachSchema) / 60) * settings.travelSpeedKmh
      : parseParam('reachKm', c.req.query('reachKm'), reachSchema);
    const ranking = await chooseRanking(engine, indicators, c.req.query('rankBy'));
    const needIndicator = ranking.by === 'indicator' ? ranking.indicator : undefined;
    const services = await engine.db.selectFrom('institution').select((eb) => eb.fn.countAll<number>().as('n')).where('type_key', 'in', typeKeys).executeTakeFirstOrThrow();
    const network = await activeRoadNetwork(engine.db);
    const roadDistanceKm = network ? await settlementRoadKm(engine, network, typeKeys) : undefined;
    const places = await settlementReach(engine.db, { typeKeys, reachKm, detourFactor: settings.detourFactor, needIndicator, roadDistanceKm });
    return c.json(summariseCoverage(places, {
      reachKm,
      distanceMethod: network ? { kind: 'road-network', detourFactor: 1 } : { kind: 'straight-line-estimate', detourFactor: settings.detourFactor },
      services: Number(services.n),
      ranking,
      limit: parseParam('limit', c.req.query('limit') ?? '25', limitSchema),
    }));
  });
}
