import { listMovements, listStock, type Engine, type StockLevel, type StockMovementCreated, type StockMovementList } from '@terep/db';
import { Hono } from 'hono';
import { z } from 'zod';
import { actorOf } from '../../audit/actor.ts';
import { recordMovement } from '../../donations/stock-writes.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { decimalIntegerSchema, parseParam } from '../../http/parse-query.ts';
import { dateText, id, itemKey, movementKind, pathId, quantity } from './donation-schemas.ts';

const movementSchema = z.object({
  warehouseId: id,
  item: itemKey,
  quantity,
  kind: movementKind,
  toWarehouseId: id.optional(),
  reason: z.string().max(500).optional(),
  offerId: id.optional(),
  requestId: id.optional(),
  date: dateText.optional(),
}).strict();

const warehouseIdSchema = pathId('a warehouse id').optional();
const limitSchema = decimalIntegerSchema(1, 5000).optional();

/** `/api/stock`: stock per warehouse and the ledger behind it (issue 14). */
export function stockRoutes(engine: Engine): Hono {
  return new Hono()
    .get('/', async (c) => {
      const warehouseId = parseParam('warehouseId', c.req.query('warehouseId'), warehouseIdSchema);
      return c.json<StockLevel[]>(await listStock(engine.db, warehouseId ?? null));
    })
    .get('/movements', async (c) => {
      const movements = await listMovements(engine.db, {
        warehouseId: parseParam('warehouseId', c.req.query('warehouseId'), warehouseIdSchema) ?? null,
        item: c.req.query('item') ?? null,
        requestId: parseParam('requestId', c.req.query('requestId'), pathId('a request id').optional()) ?? null,
        limit: parseParam('limit', c.req.query('limit'), limitSchema) ?? 500,
      });
      return c.json<StockMovementList>({ movements });
    })
    .post('/movements', async (c) => {
      const input = await readJsonBody(c, movementSchema);
      return c.json<StockMovementCreated>({ id: await recordMovement(engine, actorOf(c.get('user')), input) }, 201);
    });
}
