import type { BBox } from '@terep/db';
import type { Context } from 'hono';
import { z } from 'zod';
import { invalidField } from './api-error.ts';

/** Validates one request parameter with a zod schema; a failure is a 400 naming the parameter. */
export function parseParam<T>(name: string, value: unknown, schema: z.ZodType<T>): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw invalidField(name, issue?.message ?? 'bad value');
  }
  return result.data;
}

/**
 * A whole number in plain decimal digits within `min`..`max`. Number() would also read
 * `0x7`, `1e1`, `-0`, `+7` and `" 7"`; one spelling per value keeps caches and logs honest.
 */
export function decimalIntegerSchema(min: number, max: number, range = `must be between ${min} and ${max}`): z.ZodType<number, string> {
  return z
    .string()
    .regex(/^(0|[1-9]\d{0,14})$/, { error: 'must be a whole number in decimal digits' })
    .transform(Number)
    .pipe(z.number().min(min, { error: range }).max(max, { error: range }));
}

/** The id of a stored row in a path (a plan, an import, a signal, a saved route plan): a positive int4, so a larger one is a 400, not a database error. */
export function recordIdSchema(what: string): z.ZodType<number, string> {
  return decimalIntegerSchema(1, 2 ** 31 - 1, `must be ${what}`);
}

export const zoomSchema = decimalIntegerSchema(0, 22);

export const bboxSchema: z.ZodType<BBox> = z
  .string()
  .transform((text, ctx) => {
    const parts = text.split(',').map((part) => Number(part.trim()));
    if (parts.length !== 4 || parts.some((part) => !Number.isFinite(part))) {
      ctx.addIssue({ code: 'custom', message: 'must be four numbers: minLon,minLat,maxLon,maxLat' });
      return z.NEVER;
    }
    const [minLon, minLat, maxLon, maxLat] = parts as [number, number, number, number];
    if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90) {
      ctx.addIssue({ code: 'custom', message: 'longitudes must lie in -180..180 and latitudes in -90..90' });
      return z.NEVER;
    }
    if (minLon >= maxLon || minLat >= maxLat) {
      ctx.addIssue({ code: 'custom', message: 'the minimum must be smaller than the maximum on both axes' });
      return z.NEVER;
    }
    return [minLon, minLat, maxLon, maxLat] as const;
  });

export const settlementCodeSchema = z.string().regex(/^\d{5}$/, { error: 'a settlement code is 5 digits (KSH code)' });

/** A filter given as repeated or comma-separated query values (`?type=a,b&type=c`). */
export function queryList(c: Context, name: string): string[] {
  return (c.req.queries(name) ?? []).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
}
