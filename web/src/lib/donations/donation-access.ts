import type { Role } from '$lib/accounts/accounts-types';

/**
 * What each role may do in the donation bank, each action with the API call it is for and the
 * roles the server lets make it (api/src/auth/route-rules.ts; donation-access.test.ts keeps the two
 * equal). The pages hide the controls a role cannot use; the server refuses the calls anyway.
 */
export const DONATION_ACTIONS = {
  viewStock: { needs: 'GET /api/stock', roles: ['admin', 'planner', 'regional', 'logistics', 'viewer'] },
  viewMovements: { needs: 'GET /api/stock/movements', roles: ['admin', 'planner', 'regional', 'logistics'] },
  moveStock: { needs: 'POST /api/stock/movements', roles: ['admin', 'logistics'] },
  viewOffers: { needs: 'GET /api/offers', roles: ['admin', 'planner', 'regional', 'logistics'] },
  recordOffer: { needs: 'POST /api/offers', roles: ['admin', 'logistics'] },
  changeOffer: { needs: 'POST /api/offers/:id/status', roles: ['admin', 'logistics'] },
  viewRequests: { needs: 'GET /api/requests', roles: ['admin', 'planner', 'regional', 'logistics'] },
  recordRequest: { needs: 'POST /api/requests', roles: ['admin', 'logistics', 'regional'] },
  requestsFromSignals: { needs: 'POST /api/requests/from-signals', roles: ['admin', 'regional'] },
  /** Choosing the signals to make requests of needs the raw signal rows. */
  readSignals: { needs: 'GET /api/need-signals', roles: ['admin', 'regional'] },
  cancelRequest: { needs: 'POST /api/requests/:id/cancel', roles: ['admin', 'logistics', 'regional'] },
  viewAllocations: { needs: 'GET /api/allocations', roles: ['admin', 'planner', 'regional', 'logistics'] },
  allocate: { needs: 'POST /api/allocations', roles: ['admin', 'logistics'] },
  commit: { needs: 'POST /api/allocations/:id/commit', roles: ['admin', 'logistics'] },
  planRoutes: { needs: 'GET /api/allocations/:id/routes', roles: ['admin', 'planner', 'logistics'] },
  dispatch: { needs: 'POST /api/allocations/:id/dispatch', roles: ['admin', 'logistics'] },
  deliver: { needs: 'POST /api/allocations/:id/deliveries', roles: ['admin', 'logistics'] },
  viewReports: { needs: 'GET /api/donations/reports/distributed', roles: ['admin', 'planner', 'regional', 'logistics', 'viewer'] },
  viewMap: { needs: 'GET /api/donations/layers', roles: ['admin', 'planner', 'regional', 'logistics', 'viewer'] },
} as const satisfies Record<string, { needs: string; roles: readonly Role[] }>;

export type DonationAction = keyof typeof DONATION_ACTIONS;

export function canDo(role: Role | undefined, action: DonationAction): boolean {
  return role !== undefined && (DONATION_ACTIONS[action].roles as readonly Role[]).includes(role);
}

/** The parts of the donation bank, each a page, with the action it needs to be shown. */
export const DONATION_PAGES = [
  { href: '/donations', key: 'donations.nav.stock', needs: 'viewStock' },
  { href: '/donations/offers', key: 'donations.nav.offers', needs: 'viewOffers' },
  { href: '/donations/requests', key: 'donations.nav.requests', needs: 'viewRequests' },
  { href: '/donations/allocation', key: 'donations.nav.allocation', needs: 'viewAllocations' },
  { href: '/donations/reports', key: 'donations.nav.reports', needs: 'viewReports' },
  { href: '/donations/map', key: 'donations.nav.map', needs: 'viewMap' },
] as const satisfies readonly { href: string; key: string; needs: DonationAction }[];
