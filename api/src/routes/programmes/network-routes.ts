import { CASE_DOMAINS, countCases, listCases, listNetworkMembers, networkExists, type CaseDomain, type CaseList, type Engine, type NetworkList, type NetworkMemberList } from '@terep/db';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { countyScope } from '../../auth/scope.ts';
import { ApiError } from '../../http/api-error.ts';
import { parseParam } from '../../http/parse-query.ts';
import { aggregateCases, caseAggregateCsv } from '../../programmes/case-aggregate.ts';
import { listNetworks } from '../../programmes/network-reads.ts';
import { exactCountiesOf } from '../../programmes/programme-access.ts';
import { idParam } from './schemas.ts';

const networkId = idParam('a network id');
const optionalNetwork = networkId.optional();
const levelSchema = z.enum(['settlement', 'district'], { error: 'must be settlement or district' }).optional();
const domainSchema = z.enum(CASE_DOMAINS as [CaseDomain, ...CaseDomain[]], { error: `must be one of ${CASE_DOMAINS.join(', ')}` }).optional();
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date as YYYY-MM-DD' }).optional();

const CASE_LIST_LIMIT = 5000;

async function requireNetwork(engine: Engine, id: number | undefined): Promise<void> {
  if (id !== undefined && !(await networkExists(engine.db, id))) throw new ApiError(404, 'NETWORK_NOT_FOUND', `No network #${id}.`, { id });
}

/** `/api/networks`: helper networks and their members (members by code and area only, never by name). */
export function networkRoutes(engine: Engine): Hono {
  return new Hono()
    .get('/', async (c) => c.json<NetworkList>({ networks: await listNetworks(engine, c.get('user')) }))
    .get('/:id/members', async (c) => {
      const id = parseParam('id', c.req.param('id'), networkId);
      await requireNetwork(engine, id);
      return c.json<NetworkMemberList>({ members: await listNetworkMembers(engine.db, id) });
    });
}

async function caseAggregate(engine: Engine, c: Context) {
  const network = parseParam('network', c.req.query('network'), optionalNetwork);
  await requireNetwork(engine, network);
  const level = parseParam('level', c.req.query('level'), levelSchema) ?? 'settlement';
  const filter = {
    networkId: network ?? null,
    domain: parseParam('domain', c.req.query('domain'), domainSchema) ?? null,
    from: parseParam('from', c.req.query('from'), dateSchema) ?? null,
    to: parseParam('to', c.req.query('to'), dateSchema) ?? null,
  };
  return aggregateCases(await countCases(engine.db, level, filter), level, filter, exactCountiesOf(c.get('user')));
}

/**
 * `/api/cases`: raw cases for admins and regional staff (in their counties), and the aggregate per
 * settlement or district for everyone, small counts withheld unless the reader sees the county exactly.
 */
export function caseRoutes(engine: Engine): Hono {
  return new Hono()
    .get('/', async (c) => {
      const network = parseParam('network', c.req.query('network'), optionalNetwork);
      const scope = countyScope(c);
      return c.json<CaseList>({ cases: await listCases(engine.db, { counties: scope ?? null, networkId: network, limit: CASE_LIST_LIMIT }) });
    })
    .get('/aggregate', async (c) => c.json(await caseAggregate(engine, c)))
    .get('/aggregate.csv', async (c) => c.body(caseAggregateCsv(await caseAggregate(engine, c)), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="esetek.csv"',
      'Cache-Control': 'no-store',
    }));
}
