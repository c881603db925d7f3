import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from './api-error.ts';

/** Reads a JSON body and checks it with a zod schema; a failure is a 400 naming the field. */
export async function parseJsonBody<T>(c: Context, schema: z.ZodType<T>, what: string): Promise<T> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiError(400, 'INVALID_PARAMETER', `The body must be JSON: ${what}.`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'body';
    throw new ApiError(400, 'INVALID_PARAMETER', `Invalid "${field}": ${issue?.message ?? 'bad value'}. Send ${what}.`, { field });
  }
  return parsed.data;
}
