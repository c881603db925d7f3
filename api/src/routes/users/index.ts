import type { OneTimePassword, UserSummary } from '@terep/db';
import { Hono } from 'hono';
import { z } from 'zod';
import { actorOf } from '../../audit/actor.ts';
import type { Accounts } from '../../auth/accounts.ts';
import { readJsonBody } from '../../http/json-body.ts';

const counties = z.array(z.string({ error: 'must be county codes' }).max(10), { error: 'must be a list of county codes' }).max(50);
const newUserSchema = z.object({ username: z.string({ error: 'must be text' }).max(200), role: z.string({ error: 'must be a role' }).max(50), counties: counties.optional() }).strict();
const changeSchema = z
  .object({ role: z.string({ error: 'must be a role' }).max(50).optional(), counties: counties.optional(), disabled: z.boolean({ error: 'must be true or false' }).optional() })
  .strict();

/** User management (admin only, by the route rules). */
export function userRoutes(accounts: Accounts): Hono {
  return new Hono()
    .get('/', async (c) => c.json<{ users: UserSummary[] }>({ users: await accounts.listUsers() }))
    .post('/', async (c) => {
      const request = await readJsonBody(c, newUserSchema);
      return c.json<OneTimePassword>(await accounts.addUser(request, actorOf(c.get('user'))), 201);
    })
    .patch('/:username', async (c) => {
      const change = await readJsonBody(c, changeSchema);
      const username = c.req.param('username');
      await accounts.changeUser(username, change, actorOf(c.get('user')));
      const user = (await accounts.listUsers()).find((candidate) => candidate.username === username);
      return c.json<{ user: UserSummary | undefined }>({ user });
    })
    .post('/:username/password', async (c) => c.json<OneTimePassword>(await accounts.resetPassword(c.req.param('username'), actorOf(c.get('user')))));
}
