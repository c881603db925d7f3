import { readSettings, writeSettings, type Engine } from '@terep/db';
import { Hono } from 'hono';
import { z } from 'zod';
import { actorOf } from '../../audit/actor.ts';
import { readJsonBody } from '../../http/json-body.ts';

const share = z.number().min(0, { error: 'a share is 0 to 100' }).max(100, { error: 'a share is 0 to 100' });
const settingsSchema = z.object({
  detourFactor: z.number().min(1, { error: 'must be at least 1' }).max(3, { error: 'must be at most 3' }).optional(),
  travelSpeedKmh: z.number().min(5, { error: 'must be 5 to 130 km/h' }).max(130, { error: 'must be 5 to 130 km/h' }).optional(),
  segregation: z.object({
    lowEducationMinShare: share,
    noRegularIncomeMinShare: share,
    minPopulation: z.number().int({ error: 'must be a whole number' }).min(0),
  }).optional(),
}).strict();

export function settingRoutes(engine: Engine): Hono {
  return new Hono()
    .get('/', async (c) => c.json(await readSettings(engine.db)))
    .put('/', async (c) => {
      return c.json(await writeSettings(engine.db, await readJsonBody(c, settingsSchema), actorOf(c.get('user'))));
    });
}
