import { settlementProfile, type Engine } from '@terep/db';
import { Hono } from 'hono';
import { ApiError } from '../../http/api-error.ts';
import { parseParam, settlementCodeSchema } from '../../http/parse-query.ts';

export function settlementRoutes(engine: Engine): Hono {
  return new Hono().get('/:code', async (c) => {
    const code = parseParam('code', c.req.param('code'), settlementCodeSchema);
    const profile = await settlementProfile(engine.db, code);
    if (!profile) throw new ApiError(404, 'SETTLEMENT_NOT_FOUND', `No settlement with KSH code ${code}.`, { code });
    return c.json(profile);
  });
}
