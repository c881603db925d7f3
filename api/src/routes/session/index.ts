import { getConnInfo } from '@hono/node-server/conninfo';
import type { SessionAnswer } from '@terep/db';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Accounts } from '../../auth/accounts.ts';
import { clearSessionCookie, sessionToken, setSessionCookie } from '../../auth/middleware.ts';
import { parseJsonBody } from '../../http/json-body.ts';

const signInSchema = z.object({ username: z.string({ error: 'must be text' }).max(200), password: z.string({ error: 'must be text' }).max(1000) });
const passwordSchema = z.object({ currentPassword: z.string({ error: 'must be text' }).max(1000), newPassword: z.string({ error: 'must be text' }).max(1000) });

/** The client's address for the sign-in limiter; requests without a socket (tests' app.request) share one. */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Sign in, who am I, sign out, change my password. */
export function sessionRoutes(accounts: Accounts): Hono {
  return new Hono()
    .post('/', async (c) => {
      const { username, password } = await parseJsonBody(c, signInSchema, '{"username": "...", "password": "..."}');
      const { token, user } = await accounts.signIn(username, password, clientAddress(c));
      setSessionCookie(c, token, accounts.absoluteMs);
      return c.json<SessionAnswer>({ user });
    })
    .get('/', (c) => c.json<SessionAnswer>({ user: c.get('user') }))
    .delete('/', async (c) => {
      const token = sessionToken(c);
      if (token) await accounts.signOut(token);
      clearSessionCookie(c);
      return c.body(null, 204);
    })
    .put('/password', async (c) => {
      const { currentPassword, newPassword } = await parseJsonBody(c, passwordSchema, '{"currentPassword": "...", "newPassword": "..."}');
      await accounts.changeOwnPassword({ user: c.get('user'), tokenHash: c.get('sessionHash') }, currentPassword, newPassword);
      return c.json<SessionAnswer>({ user: { ...c.get('user'), mustChangePassword: false } });
    });
}
