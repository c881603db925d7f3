import { listDonationRequests, REQUEST_STATUSES, type DonationRequest, type DonationRequestCreated, type DonationRequestList, type Engine, type RequestStatus, type RequestsFromSignalsCreated } from '@terep/db';
import { Hono } from 'hono';
import { z } from 'zod';
import { actorOf } from '../../audit/actor.ts';
import { countyScope, requireScope } from '../../auth/scope.ts';
import { findRequest } from '../../donations/donation-checks.ts';
import { cancelRequest, checkRequest, createRequest, requestsFromSignals } from '../../donations/request-writes.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { decimalIntegerSchema, parseParam, queryList } from '../../http/parse-query.ts';
import { dateText, id, itemKey, pathId, quantity, settlementCode, text, urgency } from './donation-schemas.ts';

const requestSchema = z.object({
  settlementCode,
  item: itemKey,
  quantity,
  urgency,
  neededBy: dateText.optional(),
  organisation: text(200),
  note: z.string().max(1000).optional(),
}).strict();

const fromSignalsSchema = z.object({
  signalIds: z.array(id).min(1, { error: 'name at least one signal' }).max(5000),
  item: itemKey.optional(),
  perHousehold: z.number().positive({ error: 'must be positive' }).max(1000).optional(),
  neededBy: dateText.optional(),
}).strict();

const cancelSchema = z.object({ reason: text(500) }).strict();
const requestId = pathId('a request id');
const statusSchema = z.enum(REQUEST_STATUSES as [RequestStatus, ...RequestStatus[]], { error: `must be one of ${REQUEST_STATUSES.join(', ')}` }).optional();
const countySchema = z.string().regex(/^\d{2}$/, { error: 'must be a two-digit county code' }).optional();

/**
 * `/api/requests`: requests from partner organisations (issue 14). Regional staff create and
 * cancel them in their counties (403 OUT_OF_SCOPE elsewhere) and list only theirs.
 */
export function requestRoutes(engine: Engine): Hono {
  return new Hono()
    .get('/', async (c) => {
      const county = parseParam('countyCode', c.req.query('countyCode'), countySchema);
      if (county) requireScope(c, [county]);
      const requests = await listDonationRequests(engine.db, {
        status: parseParam('status', c.req.query('status'), statusSchema) ?? null,
        items: queryList(c, 'item').length > 0 ? queryList(c, 'item') : null,
        urgency: parseParam('urgency', c.req.query('urgency'), urgency.optional()) ?? null,
        counties: county ? [county] : countyScope(c) ?? null,
        limit: parseParam('limit', c.req.query('limit'), decimalIntegerSchema(1, 20_000).optional()) ?? 5000,
      });
      return c.json<DonationRequestList>({ requests });
    })
    .post('/', async (c) => {
      const input = await readJsonBody(c, requestSchema);
      const { countyCode } = await checkRequest(engine.db, input);
      requireScope(c, [countyCode]);
      return c.json<DonationRequestCreated>({ id: await createRequest(engine, actorOf(c.get('user')), input) }, 201);
    })
    .post('/from-signals', async (c) => {
      const input = await readJsonBody(c, fromSignalsSchema);
      const ids = await requestsFromSignals(engine, actorOf(c.get('user')), input, countyScope(c));
      return c.json<RequestsFromSignalsCreated>({ ids }, 201);
    })
    .get('/:id', async (c) => {
      const request = await findRequest(engine.db, parseParam('id', c.req.param('id'), requestId));
      requireScope(c, [request.countyCode]);
      return c.json<DonationRequest>(request);
    })
    .post('/:id/cancel', async (c) => {
      const idValue = parseParam('id', c.req.param('id'), requestId);
      const { reason } = await readJsonBody(c, cancelSchema);
      return c.json<DonationRequest>(await cancelRequest(engine, actorOf(c.get('user')), idValue, reason, (county) => requireScope(c, [county])));
    });
}
