import { IMPORT_ACCESS, type Role } from '@terep/db';

/**
 * Who may call which API route: the one table the auth middleware reads
 * (`authorize` in middleware.ts). Keys are `METHOD path` with Hono's pattern as
 * registered (`/api/plans/:id`); a concrete path (`/api/imports/institutions`)
 * refines a pattern for one value. A registered route without a rule is refused
 * to everyone, and the authorization-matrix test fails until it gets one.
 *
 * Roles (issue 11): admin everything; planner analyses, plans, routes and imports
 * of institutions and warehouses; regional reads, and records need signals and
 * segregated areas in its counties; logistics routes and warehouses; viewer reads
 * aggregated data only.
 */
export type Access = 'public' | readonly Role[];

const EVERYONE: readonly Role[] = ['admin', 'planner', 'regional', 'logistics', 'viewer'];
const ADMIN: readonly Role[] = ['admin'];
const PLANNING: readonly Role[] = ['admin', 'planner'];
const ROUTING: readonly Role[] = ['admin', 'planner', 'logistics'];
/** Roles that import something; which kind each may import is below. */
const IMPORTERS: readonly Role[] = ['admin', 'planner', 'regional', 'logistics'];
/** Who records need signals and sees them raw (issue 11). */
const SIGNAL_KEEPERS: readonly Role[] = ['admin', 'regional'];
/** The donation bank (issue 14): logistics and admins write stock, offers and allocations. */
const DONATION_WRITERS: readonly Role[] = ['admin', 'logistics'];
/** Raw donation rows (organisations, donors, who recorded what): every role but viewers, regional users in their counties. */
const DONATION_READERS: readonly Role[] = ['admin', 'planner', 'regional', 'logistics'];
/** Requests come from partner organisations through logistics staff, admins, and regional staff in their counties. */
const REQUEST_WRITERS: readonly Role[] = ['admin', 'logistics', 'regional'];

export const ROUTE_RULES: Readonly<Record<string, Access>> = {
  'GET /api/health': 'public',

  'POST /api/session': 'public',
  'GET /api/session': EVERYONE,
  // Logging out works with or without a live session (an expired cookie is cleared as well).
  'DELETE /api/session': 'public',
  'PUT /api/session/password': EVERYONE,

  'GET /api/users': ADMIN,
  'POST /api/users': ADMIN,
  'PATCH /api/users/:username': ADMIN,
  'POST /api/users/:username/password': ADMIN,

  'GET /api/layers': EVERYONE,
  'GET /api/layers/:id': EVERYONE,
  'GET /api/indicators': EVERYONE,
  'GET /api/indicators/:key': EVERYONE,
  'GET /api/settlements/:code': EVERYONE,
  // District and county profiles: figures and the organisation's data with small counts withheld.
  'GET /api/profiles/:level/:code': EVERYONE,
  'GET /api/search': EVERYONE,
  'GET /api/tiles/:layer/:z/:x/:file': EVERYONE,
  'GET /api/coverage': EVERYONE,
  'GET /api/heatmap/h3': EVERYONE,
  'GET /api/segregated-areas': EVERYONE,

  'GET /api/settings': EVERYONE,
  'PUT /api/settings': ADMIN,

  'POST /api/catchments': PLANNING,
  'GET /api/need-indices': EVERYONE,
  'POST /api/need-indices': PLANNING,
  'DELETE /api/need-indices/:key': PLANNING,

  'GET /api/plans': EVERYONE,
  'POST /api/plans': PLANNING,
  'GET /api/plans/:id': EVERYONE,
  'GET /api/plans/:id/events': EVERYONE,
  'DELETE /api/plans/:id': PLANNING,

  'POST /api/routes': ROUTING,
  'POST /api/routes/stops/csv': ROUTING,
  // Saved route plans name their stops and loads: for the roles that plan routes.
  'GET /api/routes/scenarios': ROUTING,
  'GET /api/routes/scenarios/:id': ROUTING,
  'DELETE /api/routes/scenarios/:id': ROUTING,

  'GET /api/road-network': EVERYONE,
  'POST /api/road-network': PLANNING,
  'DELETE /api/road-network': PLANNING,

  // Who imported what is not aggregated data: not for viewers.
  'GET /api/imports': IMPORTERS,
  'GET /api/imports/institution-types': EVERYONE,
  // Unknown kinds answer 400 to the admin; the known ones are refined below.
  'POST /api/imports/:kind': ADMIN,
  'POST /api/imports/institutions': IMPORT_ACCESS.institutions,
  'POST /api/imports/warehouses': IMPORT_ACCESS.warehouses,
  'POST /api/imports/segregated-areas': IMPORT_ACCESS['segregated-areas'],
  'POST /api/imports/need-signals': IMPORT_ACCESS['need-signals'],
  // The handler checks the kind of the import against IMPORT_ACCESS.
  'DELETE /api/imports/:id': IMPORTERS,

  // Raw signal rows and hand-recorded signals: admins, and regional users in their counties (the handlers check the county).
  'GET /api/need-signals': SIGNAL_KEEPERS,
  'POST /api/need-signals': SIGNAL_KEEPERS,
  'PATCH /api/need-signals/:id': SIGNAL_KEEPERS,
  'DELETE /api/need-signals/:id': SIGNAL_KEEPERS,

  'GET /api/audit': ADMIN,
  'GET /api/audit.csv': ADMIN,

  // The donation bank (issue 14). Stock levels are aggregates: everyone reads them.
  'GET /api/items': EVERYONE,
  'POST /api/items': ADMIN,
  'GET /api/stock': EVERYONE,
  'GET /api/stock/movements': DONATION_READERS,
  'POST /api/stock/movements': DONATION_WRITERS,
  // The handlers keep regional users to their counties.
  'GET /api/requests': DONATION_READERS,
  'GET /api/requests/:id': DONATION_READERS,
  'POST /api/requests': REQUEST_WRITERS,
  'POST /api/requests/from-signals': REQUEST_WRITERS,
  'POST /api/requests/:id/cancel': REQUEST_WRITERS,
  'GET /api/offers': DONATION_READERS,
  'GET /api/offers/:id': DONATION_READERS,
  'POST /api/offers': DONATION_WRITERS,
  'POST /api/offers/:id/status': DONATION_WRITERS,
  'GET /api/allocations': DONATION_READERS,
  'GET /api/allocations/:id': DONATION_READERS,
  'POST /api/allocations': DONATION_WRITERS,
  'POST /api/allocations/:id/commit': DONATION_WRITERS,
  // Route problems name the requests' places and loads: for the roles that plan routes.
  'GET /api/allocations/:id/routes': ROUTING,
  'POST /api/allocations/:id/dispatch': DONATION_WRITERS,
  'POST /api/allocations/:id/deliveries': DONATION_WRITERS,
  // Aggregates: every role; request counts below 5 withheld from viewers.
  'GET /api/donations/reports/distributed': EVERYONE,
  'GET /api/donations/reports/stock': EVERYONE,
  'GET /api/donations/reports/requests': EVERYONE,
  'GET /api/donations/reports/offers': EVERYONE,
  'GET /api/donations/layers': EVERYONE,
  // Unknown kinds answer 400 to the admin; the known ones are refined below.
  'POST /api/donations/imports/:kind': ADMIN,
  'POST /api/donations/imports/donation-offers': DONATION_WRITERS,
  'POST /api/donations/imports/stock-counts': DONATION_WRITERS,
  'POST /api/donations/imports/donation-requests': REQUEST_WRITERS,
};

/** The rule for a request: the concrete path's first, then the registered pattern's. */
export function accessFor(method: string, path: string, pattern: string | undefined): Access | undefined {
  return ROUTE_RULES[`${method} ${path}`] ?? (pattern === undefined ? undefined : ROUTE_RULES[`${method} ${pattern}`]);
}
