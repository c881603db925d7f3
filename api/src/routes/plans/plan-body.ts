import type { PlanRequestBody } from '@terep/db';
import { z } from 'zod';
import { invalidField } from '../../http/api-error.ts';

const settlementCode = z.string().regex(/^\d{5}$/, { error: 'settlement codes are 5 digits (KSH code)' });
const countyCode = z.string().regex(/^\d{2}$/, { error: 'a county code is 2 digits' });

const weightSchema = z
  .object({
    kind: z.enum(['population', 'need-index', 'need-signals', 'population-need-index']),
    needIndex: z.string().regex(/^need_index_\w{1,60}$/, { error: 'must be a saved need index (need_index_...)' }).optional(),
    signal: z.enum(['households', 'persons']).optional(),
  })
  .strict()
  .refine((weight) => (weight.kind === 'need-index' || weight.kind === 'population-need-index') === (weight.needIndex !== undefined), {
    error: 'a need index is named exactly for the need-index weights',
  });

const candidatesSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('list'), codes: z.array(settlementCode).min(1, { error: 'list at least one settlement' }).max(3200) }).strict(),
  z.object({ kind: z.literal('county'), county: countyCode }).strict(),
]);

const bodySchema = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    model: z.enum(['pmedian', 'mclp', 'lscp', 'pcenter'], { error: 'must be pmedian, mclp, lscp or pcenter' }),
    serviceType: z.string().regex(/^[a-z0-9-]{1,64}$/, { error: 'must be a service type key' }),
    county: countyCode.nullable().optional(),
    p: z.number().int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }).max(1000).optional(),
    reachKm: z.number().positive({ error: 'must be above 0' }).max(500).optional(),
    reachMinutes: z.number().positive({ error: 'must be above 0' }).max(600).optional(),
    capacitated: z.boolean().default(false),
    capacity: z.number().positive({ error: 'must be above 0' }).optional(),
    weight: weightSchema.default({ kind: 'population' }),
    candidates: candidatesSchema.default({ kind: 'all' }),
    method: z.enum(['auto', 'exact', 'heuristic']).default('auto'),
    timeLimitSeconds: z.number().positive().max(600).default(60),
  })
  .strict()
  .superRefine((body, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
    if (body.model !== 'lscp' && body.p === undefined) issue('p', `the ${body.model} model needs p, the number of new sites`);
    if (body.reachKm !== undefined && body.reachMinutes !== undefined) issue('reachKm', 'give the reach in km or in minutes, not both');
    if ((body.model === 'mclp' || body.model === 'lscp') && body.reachKm === undefined && body.reachMinutes === undefined) {
      issue('reachKm', `the ${body.model} model needs a reach (reachKm or reachMinutes)`);
    }
    if (body.capacitated && body.model !== 'pmedian' && body.model !== 'mclp') issue('capacitated', 'capacities apply to the pmedian and mclp models');
    if (body.capacitated && body.capacity === undefined) issue('capacity', 'a capacitated plan needs the capacity of a new site');
  });

export type PlanBody = z.infer<typeof bodySchema>;

/** The defaults filled in and the combinations checked; a 400 naming the first bad field otherwise. */
export function parsePlanBody(body: unknown): PlanBody {
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidField(issue?.path.join('.') || 'body', issue?.message ?? 'bad value');
  }
  return parsed.data satisfies PlanRequestBody;
}
