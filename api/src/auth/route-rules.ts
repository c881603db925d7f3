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
/**
 * Who may edit programmes (issue 15): the handlers then check that the user is an admin, one of
 * the programme's coordinators, or regional staff of its counties (api/src/programmes/programme-access.ts).
 */
const PROGRAMME_EDITORS: readonly Role[] = ['admin', 'planner', 'regional', 'logistics'];
/** Who keeps partner organisations and sees helper-network members (by code and area, never by name). */
const PROGRAMME_STAFF: readonly Role[] = ['admin', 'planner', 'regional'];

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
  'GET /api/cases': SIGNAL_KEEPERS,
  'GET /api/cases/aggregate': EVERYONE,
  'GET /api/cases/aggregate.csv': EVERYONE,
  'GET /api/gaps': EVERYONE,
  'POST /api/imports/programmes': IMPORT_ACCESS.programmes,
  'POST /api/imports/partners': IMPORT_ACCESS.partners,
  'POST /api/imports/network-members': IMPORT_ACCESS['network-members'],
  'POST /api/imports/cases': IMPORT_ACCESS.cases,
  'POST /api/imports/activities': IMPORT_ACCESS.activities,
};

/** The rule for a request: the concrete path's first, then the registered pattern's. */
export function accessFor(method: string, path: string, pattern: string | undefined): Access | undefined {
  return ROUTE_RULES[`${method} ${path}`] ?? (pattern === undefined ? undefined : ROUTE_RULES[`${method} ${pattern}`]);
}
