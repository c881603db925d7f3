import { listAllocations, type Allocation, type AllocationDispatched, type AllocationList, type AllocationRouteProblems, type DeliveryRecorded, type Engine } from '@terep/db';
import { Hono } from 'hono';
import { z } from 'zod';
import { actorOf } from '../../audit/actor.ts';
import { commitAllocation, computeAllocation, showAllocation } from '../../donations/allocations.ts';
import type { JobSlots } from '../../jobs/job-slots.ts';
import { allocationRouteProblems, dispatchAllocation, recordDelivery } from '../../donations/deliveries.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { parseParam } from '../../http/parse-query.ts';
import { dateText, id, itemKey, pathId, quantity } from './donation-schemas.ts';

const allocationSchema = z.object({
  warehouseIds: z.array(id).max(10_000).optional(),
  requestIds: z.array(id).max(100_000).optional(),
  items: z.array(itemKey).max(1000).optional(),
}).strict();

const dispatchSchema = z.object({ warehouseId: id, routeScenarioId: id.optional() }).strict();

const deliverySchema = z.object({
  warehouseId: id,
  routeScenarioId: id.optional(),
  lines: z.array(z.object({ requestId: id, quantity }).strict()).max(100_000).optional(),
  collectedOfferIds: z.array(id).max(10_000).optional(),
  date: dateText.optional(),
}).strict();

const allocationId = pathId('an allocation id');

/** `/api/allocations`: optimal allocations of stock to requests, and their commitment (issue 14). */
export function allocationRoutes(engine: Engine, jobs: JobSlots): Hono {
  return new Hono()
    .get('/', async (c) => c.json<AllocationList>({ allocations: await listAllocations(engine.db, 200) }))
    .post('/', async (c) => {
      const input = await readJsonBody(c, allocationSchema);
      return c.json<Allocation>(await computeAllocation(engine, actorOf(c.get('user')), input, jobs), 201);
    })
    .get('/:id', async (c) => c.json<Allocation>(await showAllocation(engine, parseParam('id', c.req.param('id'), allocationId))))
    .post('/:id/commit', async (c) => {
      const idValue = parseParam('id', c.req.param('id'), allocationId);
      return c.json<Allocation>(await commitAllocation(engine, actorOf(c.get('user')), idValue));
    })
    .get('/:id/routes', async (c) => c.json<AllocationRouteProblems>(await allocationRouteProblems(engine, parseParam('id', c.req.param('id'), allocationId))))
    .post('/:id/dispatch', async (c) => {
      const idValue = parseParam('id', c.req.param('id'), allocationId);
      const input = await readJsonBody(c, dispatchSchema);
      return c.json<AllocationDispatched>(await dispatchAllocation(engine, actorOf(c.get('user')), idValue, input));
    })
    .post('/:id/deliveries', async (c) => {
      const idValue = parseParam('id', c.req.param('id'), allocationId);
      const input = await readJsonBody(c, deliverySchema);
      return c.json<DeliveryRecorded>(await recordDelivery(engine, actorOf(c.get('user')), idValue, input), 201);
    });
}
