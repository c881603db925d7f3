import { deleteNeedIndex, foldName, isNeedSignalComponent, listIndicators, listNeedIndices, NEED_INDEX_PREFIX, NEED_SIGNAL_COMPONENT, needSignalComponentCategory, saveNeedIndex, type Engine } from '@terep/db';
import { Hono } from 'hono';
import { z } from 'zod';
import { actorOf } from '../../audit/actor.ts';
import { ApiError } from '../../http/api-error.ts';
import { readJsonBody } from '../../http/json-body.ts';

const requestSchema = z.object({
  name: z.string().trim().min(2, { error: 'must be at least 2 characters' }).max(120),
  components: z.array(z.object({
    indicatorKey: z.string().min(1),
    weight: z.number().positive({ error: 'weights must be above 0' }).max(100),
  })).min(1, { error: 'choose at least one indicator' }).max(12),
}).strict();

/** Composite need indices: saved by name, computed into an indicator the map and analyses can use. */
export function needIndexRoutes(engine: Engine): Hono {
  return new Hono()
    .get('/', async (c) => c.json({ indices: await listNeedIndices(engine.db) }))
    .post('/', async (c) => {
      const { name, components } = await readJsonBody(c, requestSchema);
      const indicators = await listIndicators(engine.db);
      for (const component of components) {
        if (isNeedSignalComponent(component.indicatorKey)) {
          if (needSignalComponentCategory(component.indicatorKey) === undefined) {
            const category = component.indicatorKey.slice(NEED_SIGNAL_COMPONENT.length + 1);
            throw new ApiError(400, 'INVALID_PARAMETER', `Unknown need-signal category "${category}" in "${component.indicatorKey}".`, { reason: 'unknown-signal-category', category });
          }
          continue;
        }
        const indicator = indicators.find((entry) => entry.key === component.indicatorKey);
        if (!indicator) throw new ApiError(404, 'INDICATOR_NOT_FOUND', `Unknown indicator "${component.indicatorKey}".`, { indicator: component.indicatorKey });
        if (!indicator.levels.includes('settlement')) throw new ApiError(400, 'INVALID_PARAMETER', `"${component.indicatorKey}" has no settlement values.`, { reason: 'no-settlement-values', indicator: component.indicatorKey });
        const ranked = indicator.kind === 'category' ? indicator.categories?.some((category) => category.need !== undefined) : indicator.needDirection !== 0;
        if (!ranked) throw new ApiError(400, 'INVALID_PARAMETER', `"${component.indicatorKey}" does not measure need (no need direction), so it cannot enter a need index.`, { reason: 'no-need-direction', indicator: component.indicatorKey });
      }
      if (new Set(components.map((component) => component.indicatorKey)).size !== components.length) {
        throw new ApiError(400, 'INVALID_PARAMETER', 'Each indicator may appear once.', { reason: 'duplicate-component' });
      }
      const key = `${NEED_INDEX_PREFIX}${foldName(name).replace(/ /g, '_').slice(0, 48)}`;
      if (indicators.some((entry) => entry.key === key) || (await listNeedIndices(engine.db)).some((entry) => entry.name === name)) {
        throw new ApiError(409, 'NEED_INDEX_EXISTS', `A need index named "${name}" already exists.`, { name });
      }
      const sortOrder = 1000 + indicators.length;
      const { settlements } = await saveNeedIndex(engine.db, { key, name, components, sortOrder }, actorOf(c.get('user')));
      return c.json({ key, name, components, settlements }, 201);
    })
    .delete('/:key', async (c) => {
      const key = c.req.param('key');
      if (!(await deleteNeedIndex(engine.db, key, actorOf(c.get('user'))))) throw new ApiError(404, 'INDICATOR_NOT_FOUND', `No saved need index "${key}".`, { indicator: key });
      return c.json({ key, deleted: true });
    });
}
