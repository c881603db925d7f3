import type { Context } from 'hono';

/**
 * The signed-in user's id, once the auth middleware has set `user` on the context:
 * solver jobs are limited per user. Undefined without a session.
 */
export function jobOwner(c: Context): number | undefined {
  const user = c.get('user' as never) as { id?: unknown } | undefined;
  return typeof user?.id === 'number' ? user.id : undefined;
}
