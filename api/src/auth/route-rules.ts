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
/** Who saves views and stories and shares them (issue 13); viewers read them. */
const VIEW_AUTHORS: readonly Role[] = ['admin', 'planner', 'regional', 'logistics'];
/**
 * Who may edit programmes (issue 15): the handlers then check that the user is an admin, one of
 * the programme's coordinators, or regional staff of its counties (api/src/programmes/programme-access.ts).
 */
const PROGRAMME_EDITORS: readonly Role[] = ['admin', 'planner', 'regional', 'logistics'];
/** Who keeps partner organisations and sees helper-network members (by code and area, never by name). */
const PROGRAMME_STAFF: readonly Role[] = ['admin', 'planner', 'regional'];
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

  // Saved views and stories (issue 13): everyone reads them; authors change their own (admins any; the service checks).
  'GET /api/views': EVERYONE,
  'POST /api/views': VIEW_AUTHORS,
  'GET /api/views/:id': EVERYONE,
  'PATCH /api/views/:id': VIEW_AUTHORS,
  'DELETE /api/views/:id': VIEW_AUTHORS,
  'GET /api/stories': EVERYONE,
  'POST /api/stories': VIEW_AUTHORS,
  'GET /api/stories/:id': EVERYONE,
  'PATCH /api/stories/:id': VIEW_AUTHORS,
  'DELETE /api/stories/:id': VIEW_AUTHORS,
  // Read-only share links: made and revoked by authors; opened by anyone holding the token.
  'GET /api/shares': VIEW_AUTHORS,
  'POST /api/shares': VIEW_AUTHORS,
  'DELETE /api/shares/:id': VIEW_AUTHORS,
  'GET /api/shared/:token': 'public',
  // Programmes and the helper network (issue 15). Case counts below 5 are withheld in the handlers for all but
  // admins and regional staff of the case's county; raw cases only to those two.
  'GET /api/programmes': EVERYONE,
  'POST /api/programmes': PLANNING,
  'GET /api/programmes/services': EVERYONE,
  'GET /api/programmes/:id': EVERYONE,
  'PATCH /api/programmes/:id': PROGRAMME_EDITORS,
  'DELETE /api/programmes/:id': PROGRAMME_EDITORS,
  'PUT /api/programmes/:id/coordinators': ADMIN,
  'GET /api/programmes/:id/areas': EVERYONE,
  'GET /api/programmes/:id/export.csv': EVERYONE,
  'POST /api/programmes/:id/projects': PROGRAMME_EDITORS,
  'PATCH /api/projects/:id': PROGRAMME_EDITORS,
  'DELETE /api/projects/:id': PROGRAMME_EDITORS,
  'PUT /api/projects/:id/targets': PROGRAMME_EDITORS,
  'POST /api/projects/:id/activities': PROGRAMME_EDITORS,
  'DELETE /api/activities/:id': PROGRAMME_EDITORS,
  'GET /api/partners': EVERYONE,
  'POST /api/partners': PROGRAMME_STAFF,
  'PATCH /api/partners/:id': PROGRAMME_STAFF,
  'GET /api/networks': EVERYONE,
  'GET /api/networks/:id/members': PROGRAMME_STAFF,
  'POST /api/networks': PROGRAMME_STAFF,
  'POST /api/networks/:id/members': IMPORT_ACCESS['network-members'],
  'GET /api/cases': SIGNAL_KEEPERS,
  'GET /api/cases/aggregate': EVERYONE,
  'GET /api/cases/aggregate.csv': EVERYONE,
  'GET /api/gaps': EVERYONE,
  'POST /api/imports/programmes': IMPORT_ACCESS.programmes,
  'POST /api/imports/partners': IMPORT_ACCESS.partners,
  'POST /api/imports/network-members': IMPORT_ACCESS['network-members'],
  'POST /api/imports/cases': IMPORT_ACCESS.cases,
  'POST /api/imports/activities': IMPORT_ACCESS.activities,
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
  // Only who may read the signals (the logistics role does not) can name them.
  'POST /api/requests/from-signals': SIGNAL_KEEPERS,
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

/**
 * What a read-only share link (`/v/TOKEN`, no account) may read, as a viewer: the map pages' own data
 * reads (boundaries, indicators, tiles, profiles, analyses, saved plans), with small counts withheld as
 * for any viewer. Not the session, the saved views and stories, nor any write. Every entry must be a
 * GET rule open to viewers (the authorization-matrix test checks it).
 */
export const SHARE_READS: ReadonlySet<string> = new Set([
  'GET /api/layers',
  'GET /api/layers/:id',
  'GET /api/indicators',
  'GET /api/indicators/:key',
  'GET /api/settlements/:code',
  'GET /api/profiles/:level/:code',
  'GET /api/search',
  'GET /api/tiles/:layer/:z/:x/:file',
  'GET /api/coverage',
  'GET /api/heatmap/h3',
  'GET /api/segregated-areas',
  'GET /api/settings',
  'GET /api/need-indices',
  'GET /api/plans',
  'GET /api/plans/:id',
  'GET /api/road-network',
  'GET /api/imports/institution-types',
]);

/** The rule for a request: the concrete path's first, then the registered pattern's. */
export function accessFor(method: string, path: string, pattern: string | undefined): Access | undefined {
  return ROUTE_RULES[`${method} ${path}`] ?? (pattern === undefined ? undefined : ROUTE_RULES[`${method} ${pattern}`]);
}
