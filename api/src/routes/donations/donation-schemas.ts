import { MOVEMENT_KINDS, NEED_CATEGORIES, URGENCIES, type MovementKind, type NeedCategory, type Urgency } from '@terep/db';
import { z } from 'zod';
import { recordIdSchema } from '../../http/parse-query.ts';

/** The checks every donation body shares; values are checked against the database by the services. */
export const text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max, { error: `at most ${max} characters` });
export const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date, YYYY-MM-DD' })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), { error: 'is not a calendar date' });
export const id = z.number().int({ error: 'must be a whole number' }).min(1).max(2 ** 31 - 1);
export const quantity = z.number({ error: 'must be a number' });
export const itemKey = z.string().max(60);
export const urgency = z.enum(URGENCIES as [Urgency, ...Urgency[]], { error: `must be one of ${URGENCIES.join(', ')}` });
export const movementKind = z.enum(MOVEMENT_KINDS as [MovementKind, ...MovementKind[]], { error: `must be one of ${MOVEMENT_KINDS.join(', ')}` });
export const needCategory = z.enum(NEED_CATEGORIES as [NeedCategory, ...NeedCategory[]], { error: `must be one of ${NEED_CATEGORIES.join(', ')}` });
export const settlementCode = z.string().regex(/^\d{5}$/, { error: 'a settlement code is 5 digits (KSH code)' });

/** A record id in a path or query. */
export const pathId = (what: string) => recordIdSchema(what);
