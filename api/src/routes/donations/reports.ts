import { OFFER_STATUSES, type DonationLayers, type Engine, type OfferStatus } from '@terep/db';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { countyScope } from '../../auth/scope.ts';
import { distributedReport, donationLayers, offerReport, reportCsv, requestReport, stockReport } from '../../donations/reports.ts';
import { parseParam, queryList } from '../../http/parse-query.ts';
import { dateText, itemKey, urgency } from './donation-schemas.ts';

const levelSchema = z.enum(['county', 'district', 'settlement'], { error: 'must be county, district or settlement' }).optional();
const formatSchema = z.enum(['json', 'csv'], { error: 'must be json or csv' }).optional();
const offerStatus = z.enum(OFFER_STATUSES as [OfferStatus, ...OfferStatus[]], { error: `must be one of ${OFFER_STATUSES.join(', ')}` });

/** JSON, or with `?format=csv` the Hungarian Excel CSV as a download. */
async function answer<T extends object>(c: Context, engine: Engine, kind: 'distributed' | 'stock' | 'requests' | 'offers', report: T) {
  if (parseParam('format', c.req.query('format'), formatSchema) !== 'csv') return c.json(report);
  const csv = await reportCsv(engine, report as Parameters<typeof reportCsv>[1], kind);
  return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="adomany-${kind}.csv"` });
}

/** `/api/donations`: the donation bank's reports and map layers (aggregates, for every role). */
export function donationReportRoutes(engine: Engine): Hono {
  return new Hono()
    .get('/reports/distributed', async (c) => {
      const report = await distributedReport(engine, c.get('user').role, {
        level: parseParam('level', c.req.query('level'), levelSchema) ?? 'county',
        from: parseParam('from', c.req.query('from'), dateText.optional()) ?? null,
        to: parseParam('to', c.req.query('to'), dateText.optional()) ?? null,
        item: parseParam('item', c.req.query('item'), itemKey.optional()) ?? null,
      });
      return answer(c, engine, 'distributed', report);
    })
    .get('/reports/stock', async (c) => answer(c, engine, 'stock', await stockReport(engine)))
    .get('/reports/requests', async (c) => answer(c, engine, 'requests', await requestReport(engine, c.get('user').role, countyScope(c))))
    .get('/reports/offers', async (c) => answer(c, engine, 'offers', await offerReport(engine)))
    .get('/layers', async (c) => {
      const statuses = queryList(c, 'offerStatus').map((status) => parseParam('offerStatus', status, offerStatus));
      return c.json<DonationLayers>(await donationLayers(engine, c.get('user').role, {
        item: parseParam('item', c.req.query('item'), itemKey.optional()) ?? null,
        urgency: parseParam('urgency', c.req.query('urgency'), urgency.optional()) ?? null,
        offerStatuses: statuses.length > 0 ? statuses : ['offered', 'accepted'],
      }));
    });
}
