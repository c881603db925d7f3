import { listPartners, settlementCounty, type Engine, type PartnerList, type ProgrammeCreated } from '@terep/db';
import { Hono } from 'hono';
import { requireScope } from '../../auth/scope.ts';
import { ApiError } from '../../http/api-error.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { parseParam } from '../../http/parse-query.ts';
import { editorOf, savePartnerChecked } from '../../programmes/programme-edits.ts';
import { idParam, partnerPatchSchema, partnerSchema } from './schemas.ts';

const partnerId = idParam('a partner id');

async function seatCounty(engine: Engine, code: string | undefined): Promise<string | undefined> {
  if (code === undefined) return undefined;
  const county = await settlementCounty(engine.db, code);
  if (county === undefined) throw new ApiError(400, 'UNKNOWN_SETTLEMENT', `Unknown settlement code ${code}.`, { codes: code });
  return county;
}

/** `/api/partners`: partner organisations (regional staff keep those seated in their counties). */
export function partnerRoutes(engine: Engine): Hono {
  return new Hono()
    .get('/', async (c) => c.json<PartnerList>({ partners: (await listPartners(engine.db)).map(({ projectIds: _ids, ...partner }) => partner) }))
    .post('/', async (c) => {
      const body = await readJsonBody(c, partnerSchema);
      const id = await savePartnerChecked(engine, editorOf(c.get('user')), null, { ...body, contactRole: body.contactRole ?? null, networkIds: body.networkIds ?? [] },
        await seatCounty(engine, body.seatSettlementCode), (counties) => requireScope(c, counties));
      return c.json<ProgrammeCreated>({ id }, 201);
    })
    .patch('/:id', async (c) => {
      const id = parseParam('id', c.req.param('id'), partnerId);
      const body = await readJsonBody(c, partnerPatchSchema);
      await savePartnerChecked(engine, editorOf(c.get('user')), id, body, await seatCounty(engine, body.seatSettlementCode), (counties) => requireScope(c, counties));
      return c.json({ id });
    });
}
