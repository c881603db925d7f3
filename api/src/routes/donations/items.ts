import { type DonationItem, type Engine } from '@terep/db';
import { Hono } from 'hono';
import { z } from 'zod';
import { actorOf } from '../../audit/actor.ts';
import { addItem, listItems } from '../../donations/item-writes.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { needCategory, text } from './donation-schemas.ts';

const itemSchema = z.object({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: 'lower-case letters, digits and hyphens, at most 40' }),
  category: needCategory,
  unit: text(20),
  nameHu: text(100),
  nameEn: text(100),
  unitKind: z.enum(['counted', 'measured'], { error: 'must be counted or measured' }),
  loadUnits: z.number().positive({ error: 'must be positive' }).max(1000).optional(),
}).strict();

/** `/api/items`: the controlled list of donation items (issue 14); admins extend it. */
export function itemRoutes(engine: Engine): Hono {
  return new Hono()
    .get('/', async (c) => c.json<DonationItem[]>(await listItems(engine)))
    .post('/', async (c) => {
      const input = await readJsonBody(c, itemSchema);
      return c.json<DonationItem>(await addItem(engine, actorOf(c.get('user')), { ...input, loadUnits: input.loadUnits ?? 1 }), 201);
    });
}
