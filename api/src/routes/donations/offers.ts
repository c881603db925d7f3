import { DONOR_KINDS, listDonationOffers, OFFER_STATUSES, type DonationOffer, type DonorKind, type Engine, type OfferCreated, type OfferList, type OfferStatus } from '@terep/db';
import { Hono } from 'hono';
import { z } from 'zod';
import { actorOf } from '../../audit/actor.ts';
import { countyScope, requireScope } from '../../auth/scope.ts';
import { findOffer } from '../../donations/donation-checks.ts';
import { changeOfferStatus, createOffer } from '../../donations/offer-writes.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { decimalIntegerSchema, parseParam, queryList } from '../../http/parse-query.ts';
import { dateText, id, itemKey, pathId, quantity, settlementCode } from './donation-schemas.ts';

const offerStatus = z.enum(OFFER_STATUSES as [OfferStatus, ...OfferStatus[]], { error: `must be one of ${OFFER_STATUSES.join(', ')}` });

const offerSchema = z.object({
  donorKind: z.enum(DONOR_KINDS as [DonorKind, ...DonorKind[]], { error: `must be one of ${DONOR_KINDS.join(', ')}` }),
  donorName: z.string().max(200).optional(),
  contact: z.string().max(200).optional(),
  settlementCode: settlementCode.optional(),
  lon: z.number().min(16).max(23).optional(),
  lat: z.number().min(45.5).max(48.7).optional(),
  availableFrom: dateText.optional(),
  availableUntil: dateText.optional(),
  warehouseId: id.optional(),
  lines: z.array(z.object({ item: itemKey, quantity }).strict()).min(1, { error: 'an offer has at least one item' }).max(50),
  note: z.string().max(1000).optional(),
}).strict();

const statusSchema = z.object({
  status: offerStatus,
  warehouseId: id.optional(),
  reason: z.string().max(500).optional(),
  date: dateText.optional(),
}).strict();

const offerId = pathId('an offer id');

/** `/api/offers`: donation offers and their way into a warehouse (issue 14); regional users read those of their counties. */
export function offerRoutes(engine: Engine): Hono {
  return new Hono()
    .get('/', async (c) => {
      const statuses = queryList(c, 'status').map((status) => parseParam('status', status, offerStatus));
      const offers = await listDonationOffers(engine.db, {
        statuses: statuses.length > 0 ? statuses : null,
        item: c.req.query('item') ?? null,
        counties: countyScope(c) ?? null,
        limit: parseParam('limit', c.req.query('limit'), decimalIntegerSchema(1, 20_000).optional()) ?? 5000,
      });
      return c.json<OfferList>({ offers });
    })
    .post('/', async (c) => {
      const input = await readJsonBody(c, offerSchema);
      return c.json<OfferCreated>({ id: await createOffer(engine, actorOf(c.get('user')), input) }, 201);
    })
    .get('/:id', async (c) => {
      const offer = await findOffer(engine.db, parseParam('id', c.req.param('id'), offerId));
      requireScope(c, [offer.countyCode]);
      return c.json<DonationOffer>(offer);
    })
    .post('/:id/status', async (c) => {
      const idValue = parseParam('id', c.req.param('id'), offerId);
      const input = await readJsonBody(c, statusSchema);
      return c.json<DonationOffer>(await changeOfferStatus(engine, actorOf(c.get('user')), idValue, input));
    });
}
