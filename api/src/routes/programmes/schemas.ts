import { ACTIVITY_KINDS, PARTNER_KINDS, PROJECT_STATUSES, type ActivityKind, type PartnerKind, type ProjectStatus } from '@terep/db';
import { z } from 'zod';
import { recordIdSchema } from '../../http/parse-query.ts';

/** The bodies of the programme routes (db/src/contract/programmes.ts), checked field by field; unknown fields refused. */

const text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max, { error: `at most ${max} characters` });
const optionalText = (max: number) => z.union([z.string().trim().max(max, { error: `at most ${max} characters` }), z.null()]).optional()
  .transform((value) => (value === '' ? null : value));
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date as YYYY-MM-DD' })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), { error: 'must be a real date' });
const optionalDate = z.union([isoDate, z.null()]).optional();
const id = z.number().int().min(1).max(2 ** 31 - 1);

export const idParam = (what: string) => recordIdSchema(what);

const programmeFields = {
  name: text(200),
  funder: optionalText(200),
  callCode: optionalText(60),
  startsOn: optionalDate,
  endsOn: optionalDate,
  description: optionalText(4000),
};
export const programmeSchema = z.object(programmeFields).strict();
export const programmePatchSchema = z.object(programmeFields).partial().strict();
export const coordinatorsSchema = z.object({ usernames: z.array(z.string().max(64)).max(50) }).strict();

const areaPart = z.union([
  z.object({ kind: z.enum(['settlement', 'district', 'segregated-area']), code: z.string().regex(/^\d{1,10}$/, { error: 'must be a KSH, district or segregated-area code' }) }).strict(),
  z.object({
    kind: z.literal('polygon'),
    name: text(200),
    geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()).min(1) }).strict(),
  }).strict(),
]);

const projectFields = {
  name: text(300),
  code: optionalText(100),
  status: z.enum(PROJECT_STATUSES as [ProjectStatus, ...ProjectStatus[]]).optional(),
  startsOn: optionalDate,
  endsOn: optionalDate,
  budgetHuf: z.union([z.number().int().min(0).max(1e13), z.null()]).optional(),
  leadPartnerId: z.union([id, z.null()]).optional(),
  partnerIds: z.array(id).max(200).optional(),
  services: z.array(z.string().regex(/^[a-z0-9-]{1,64}$/)).max(100).optional(),
  area: z.array(areaPart).max(500).optional(),
};
export const projectSchema = z.object(projectFields).strict();
export const projectPatchSchema = z.object(projectFields).partial().strict();

export const targetsSchema = z.object({
  targets: z.array(z.object({
    indicator: text(300),
    unit: optionalText(60),
    target: z.number().min(0),
    achieved: z.union([z.number().min(0), z.null()]).optional(),
    reportedOn: optionalDate,
  }).strict()).max(200),
}).strict();

export const activitySchema = z.object({
  kind: z.enum(ACTIVITY_KINDS as [ActivityKind, ...ActivityKind[]]),
  title: optionalText(300),
  date: isoDate,
  settlementCode: z.string().regex(/^\d{5}$/, { error: 'a settlement code is 5 digits (KSH code)' }),
  participants: z.union([z.number().int().min(0).max(1_000_000), z.null()]).optional(),
}).strict();

const partnerFields = {
  name: text(300),
  kind: z.enum(PARTNER_KINDS as [PartnerKind, ...PartnerKind[]]),
  seatSettlementCode: z.string().regex(/^\d{5}$/, { error: 'a settlement code is 5 digits (KSH code)' }),
  contactRole: optionalText(200),
  networkIds: z.array(id).max(50).optional(),
};
export const partnerSchema = z.object(partnerFields).strict();
export const partnerPatchSchema = z.object(partnerFields).partial().strict();
