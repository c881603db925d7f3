import { listSegregatedAreaFigures, readSettings, suppressSmallCount, type Engine } from '@terep/db';
import { Hono } from 'hono';
import { z } from 'zod';
import { parseParam } from '../../http/parse-query.ts';

const shareSchema = z.coerce.number({ error: 'must be a number' }).min(0, { error: 'a share is 0 to 100' }).max(100, { error: 'a share is 0 to 100' });
const populationSchema = z.coerce.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(0);

/**
 * Which imported areas meet a segregation definition. The thresholds default
 * to the organisation's settings; the query may try others, since municipal
 * strategies draw areas with lower thresholds than KSH's national 50% / 50%.
 */
export function segregatedAreaRoutes(engine: Engine): Hono {
  return new Hono().get('/', async (c) => {
    const defaults = (await readSettings(engine.db)).segregation;
    const optional = <T>(name: string, schema: z.ZodType<T>, fallback: T) => {
      const value = c.req.query(name);
      return value === undefined ? fallback : parseParam(name, value, schema);
    };
    const definition = {
      lowEducationMinShare: optional('lowEducationMinShare', shareSchema, defaults.lowEducationMinShare),
      noRegularIncomeMinShare: optional('noRegularIncomeMinShare', shareSchema, defaults.noRegularIncomeMinShare),
      minPopulation: optional('minPopulation', populationSchema, defaults.minPopulation),
    };
    const areas = (await listSegregatedAreaFigures(engine.db)).map((area) => {
      const failed: string[] = [];
      if (area.lowEducationShare === null || area.lowEducationShare < definition.lowEducationMinShare) failed.push('lowEducationShare');
      if (area.noRegularIncomeShare === null || area.noRegularIncomeShare < definition.noRegularIncomeMinShare) failed.push('noRegularIncomeShare');
      if (area.population === null || area.population < definition.minPopulation) failed.push('population');
      return { ...area, population: suppressSmallCount(area.population), meetsDefinition: failed.length === 0, failedCriteria: failed };
    });
    return c.json({ definition, meeting: areas.filter((area) => area.meetsDefinition).length, areas });
  });
}
