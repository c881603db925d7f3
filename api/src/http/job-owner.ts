import type { Context } from 'hono';

/** The signed-in user's id (set by the auth middleware): solver jobs are limited per user. */
export function jobOwner(c: Context): number | undefined {
  return c.get('user')?.id;
}
