import { deleteRouteScenario, listRouteScenarios, readRouteScenario, type Engine, type RouteRequest } from '@terep/db';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { actorOf } from '../../audit/actor.ts';
import { ApiError } from '../../http/api-error.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { JobRefusedError, JobSlots } from '../../jobs/job-slots.ts';
import { parseParam, recordIdSchema } from '../../http/parse-query.ts';
import { LogisticsError } from '../../logistics/logistics-error.ts';
import { planAndSaveRoutes } from '../../logistics/route-scenarios.ts';
import { MAX_STOP_LIST_BYTES, readStopListFile } from '../../logistics/read-stop-list.ts';

const MAX_STOPS = 1000;
const settlementCode = z.string().regex(/^\d{5}$/, { error: 'a settlement code is 5 digits (KSH code)' });
const name = z.string().trim().min(1).max(200);
const lon = z.number().min(15.5).max(23.5);
const lat = z.number().min(45.5).max(48.8);
const amount = z.number().min(0).max(1e9);
/** The clock times themselves are read by the planner, which names the stop or van whose window is malformed. */
const windowSchema = z.object({ from: z.string().max(10), to: z.string().max(10) }).strict();

const depotSchema = z.union([
  z.object({ warehouseId: z.number().int().positive() }).strict(),
  z.object({ settlementCode, name: name.optional() }).strict(),
  z.object({ name, lon, lat }).strict(),
]);

const stopSchema = z
  .object({
    settlementCode: settlementCode.optional(),
    name: name.optional(),
    lon: lon.optional(),
    lat: lat.optional(),
    delivery: amount,
    pickup: amount.optional(),
    serviceMinutes: z.number().min(0).max(24 * 60).optional(),
    window: windowSchema.optional(),
  })
  .strict()
  .refine((stop) => stop.settlementCode !== undefined || (stop.lon !== undefined && stop.lat !== undefined && stop.name !== undefined), {
    error: 'a stop needs a settlementCode, or a name with lon and lat',
  });

const vehicleSchema = z
  .object({
    name: name.optional(),
    count: z.number().int().min(0).max(200),
    capacity: z.number().positive().max(1e9),
    shift: windowSchema,
    maxDurationMinutes: z.number().positive().max(24 * 60).optional(),
    costPerKm: z.number().min(0).max(1e6).optional(),
    depot: z.number().int().min(0).optional(),
    endDepot: z.number().int().min(0).optional(),
  })
  .strict();

const requestSchema = z
  .object({
    depots: z.array(depotSchema).max(50),
    stops: z.array(stopSchema).max(MAX_STOPS, { error: `at most ${MAX_STOPS} stops` }),
    fleet: z.array(vehicleSchema).max(50),
    serviceMinutes: z.number().min(0).max(24 * 60).optional(),
    timeLimitSeconds: z.number().min(0.1).max(120).optional(),
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
    /** The name the plan is saved under. */
    name: name.optional(),
  })
  .strict() satisfies z.ZodType<RouteRequest & { name?: string }>;

const scenarioIdSchema = recordIdSchema('a saved route plan id');

const FORM_MARGIN_BYTES = 64 * 1024;

/**
 * Delivery routes from warehouses (`POST /api/routes`) and the reading of a stop list file
 * (`POST /api/routes/stops/csv`). Stops that cannot be reached or served are answered by name
 * beside the routes of the others (200); a request that cannot be planned at all is a 400 with
 * a stable code (NO_DEPOTS, NO_STOPS, EMPTY_FLEET, UNKNOWN_WAREHOUSE, UNKNOWN_SETTLEMENT,
 * UNKNOWN_DEPOT, INVALID_TIME_WINDOW, DEPOT_UNROUTABLE, INVALID_PARAMETER). Every answered plan is
 * saved as a route scenario (`/api/routes/scenarios`: list, get, delete).
 */
export function routeRoutes(engine: Engine, jobs: JobSlots = new JobSlots()): Hono {
  return new Hono()
    .post('/', async (c) => {
      const request = await readJsonBody(c, requestSchema);
      const slot = jobs.take(c.get('user').id);
      try {
        // The search stops when the client goes away or the server stops.
        return c.json(await planAndSaveRoutes(engine, request, actorOf(c.get('user')), AbortSignal.any([c.req.raw.signal, slot.signal])));
      } catch (error) {
        if (error instanceof LogisticsError) throw new ApiError(400, error.code, error.message, error.params);
        if (slot.signal.aborted) throw new JobRefusedError('stopping', 0, jobs.running);
        throw error;
      } finally {
        slot.release();
      }
    })
    .get('/scenarios', async (c) => c.json({ scenarios: await listRouteScenarios(engine.db) }))
    .get('/scenarios/:id', async (c) => {
      const id = parseParam('id', c.req.param('id'), scenarioIdSchema);
      const scenario = await readRouteScenario(engine.db, id);
      if (!scenario) throw new ApiError(404, 'ROUTE_SCENARIO_NOT_FOUND', `No saved route plan #${id}.`);
      return c.json(scenario);
    })
    .delete('/scenarios/:id', async (c) => {
      const id = parseParam('id', c.req.param('id'), scenarioIdSchema);
      if (!(await deleteRouteScenario(engine.db, id, actorOf(c.get('user'))))) throw new ApiError(404, 'ROUTE_SCENARIO_NOT_FOUND', `No saved route plan #${id}.`);
      return c.json({ id, deleted: true });
    })
    .post(
      '/stops/csv',
      bodyLimit({
        maxSize: MAX_STOP_LIST_BYTES + FORM_MARGIN_BYTES,
        onError: () => {
          throw new ApiError(413, 'FILE_TOO_LARGE', `A stop list may be at most ${MAX_STOP_LIST_BYTES / 1024 / 1024} MB.`, { limitMb: MAX_STOP_LIST_BYTES / 1024 / 1024 });
        },
      }),
      async (c) => {
        const form = await c.req.formData().catch(() => undefined);
        const file = form?.get('file');
        if (!(file instanceof File)) throw new ApiError(400, 'INVALID_PARAMETER', 'Invalid "file": attach the stop list in a multipart form field named "file".', { reason: 'no-file' });
        return c.json(await readStopListFile(engine, file.name || 'stops.csv', new Uint8Array(await file.arrayBuffer())));
      },
    );
}
