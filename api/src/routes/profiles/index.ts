import { areaProfile, type Engine } from '@terep/db';
import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../../http/api-error.ts';
import { parseParam } from '../../http/parse-query.ts';

const levelSchema = z.enum(['district', 'county'], { error: 'the level is district or county' });
/** KSH codes: districts have three digits, counties two. */
const CODE_PATTERN = { district: /^\d{3}$/, county: /^\d{2}$/ } as const;

/** `GET /api/profiles/:level/:code`: the profile of a district or county. */
export function profileRoutes(engine: Engine): Hono {
  return new Hono().get('/:level/:code', async (c) => {
    const level = parseParam('level', c.req.param('level'), levelSchema);
    const code = parseParam('code', c.req.param('code'), z.string().regex(CODE_PATTERN[level], { error: `a ${level} code is ${level === 'district' ? 3 : 2} digits (KSH code)` }));
    const profile = await areaProfile(engine.db, level, code);
    if (!profile) throw new ApiError(404, 'AREA_NOT_FOUND', `No ${level} with KSH code ${code}.`);
    return c.json(profile);
  });
}
