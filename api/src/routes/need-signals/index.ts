import { listNeedSignals, type Engine, type NeedSignalCreated, type NeedSignalInput, type NeedSignalList, type NeedSignalRecord } from '@terep/db';
import { Hono } from 'hono';
import { z } from 'zod';
import { actorOf } from '../../audit/actor.ts';
import { countyScope, requireScope } from '../../auth/scope.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { parseParam, recordIdSchema } from '../../http/parse-query.ts';
import { checkNeedSignal } from '../../need-signals/check-need-signal.ts';
import { editNeedSignal, findNeedSignal, recordNeedSignal, withdrawSignal } from '../../need-signals/need-signal-writes.ts';

/** A count as JSON may carry it: a number, its text (as a form sends it), or null for none. */
const count = z.union([z.number(), z.string().max(20), z.null()]).optional();
const text = (max: number) => z.string().max(max, { error: `at most ${max} characters` });

/**
 * Only the import's fields, so nothing else (a name, an address) can ride in;
 * their values are checked by the import's own rules in checkNeedSignal.
 */
const signalSchema = z.object({
  settlementCode: text(20),
  category: text(60),
  urgency: text(60).optional(),
  households: count,
  persons: count,
  date: text(20),
  organisation: text(200),
}).strict();
const patchSchema = signalSchema.partial().strict();

const idSchema = recordIdSchema('a signal id');
const countySchema = z.string().regex(/^\d{2}$/, { error: 'must be a two-digit county code' }).optional();
const flagSchema = z.enum(['true', 'false'], { error: 'must be true or false' }).optional();

const LIST_LIMIT = 5000;

/**
 * Need signals recorded by hand: admins anywhere, regional users in their
 * counties only (403 OUT_OF_SCOPE elsewhere). Raw rows never go to other roles
 * (the route rules); every write is audited in its own transaction.
 */
export function needSignalRoutes(engine: Engine): Hono {
  return new Hono()
    .get('/', async (c) => {
      const county = parseParam('county', c.req.query('county'), countySchema);
      if (county) requireScope(c, [county]);
      const scope = countyScope(c);
      const signals = await listNeedSignals(engine.db, {
        counties: county ? [county] : scope ?? null,
        includeWithdrawn: parseParam('includeWithdrawn', c.req.query('includeWithdrawn'), flagSchema) === 'true',
        limit: LIST_LIMIT,
      });
      return c.json<NeedSignalList>({ signals });
    })
    .post('/', async (c) => {
      const input = await readJsonBody(c, signalSchema);
      const checked = await checkNeedSignal(engine.db, input);
      requireScope(c, [checked.countyCode]);
      const id = await recordNeedSignal(engine, actorOf(c.get('user')), checked);
      return c.json<NeedSignalCreated>({ id }, 201);
    })
    .patch('/:id', async (c) => {
      const id = parseParam('id', c.req.param('id'), idSchema);
      const patch = await readJsonBody(c, patchSchema);
      const current = await findNeedSignal(engine, id);
      requireScope(c, [current.countyCode]);
      // The stored signal with the sent fields over it, checked as a whole (a parsed JSON body holds no undefined).
      const checked = await checkNeedSignal(engine.db, { ...current, ...patch } as NeedSignalInput);
      requireScope(c, [checked.countyCode]);
      return c.json<NeedSignalRecord>(await editNeedSignal(engine, actorOf(c.get('user')), id, checked));
    })
    .delete('/:id', async (c) => {
      const id = parseParam('id', c.req.param('id'), idSchema);
      requireScope(c, [(await findNeedSignal(engine, id)).countyCode]);
      return c.json<NeedSignalRecord>(await withdrawSignal(engine, actorOf(c.get('user')), id));
    });
}
