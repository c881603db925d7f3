import { IMPORT_ACCESS, IMPORT_KINDS, type ImportKind } from '@terep/db/contract';
import { loginPath, safeNext } from '../api/sign-in-redirect';
import type { Role, SessionUser } from './accounts-types';

/**
 * The pages only some roles can use, each with the API call it is for and the roles the server lets
 * make it (api/src/auth/route-rules.ts; page-access.test.ts keeps the two equal). Used to hide the
 * links and to send a user who types the address to the map; the server refuses the calls anyway.
 * A page missing here (the map, analyses, site plans: readable by all) is open to every role.
 */
export const RESTRICTED_PAGES: Record<string, { needs: string; roles: readonly Role[] }> = {
  '/logistics': { needs: 'POST /api/routes', roles: ['admin', 'planner', 'logistics'] },
  '/import': { needs: 'GET /api/imports', roles: ['admin', 'planner', 'regional', 'logistics'] },
  '/admin/users': { needs: 'GET /api/users', roles: ['admin'] },
  '/signals': { needs: 'GET /api/need-signals', roles: ['admin', 'regional'] },
  '/admin/audit': { needs: 'GET /api/audit', roles: ['admin'] },
  '/donations/offers': { needs: 'GET /api/offers', roles: ['admin', 'planner', 'regional', 'logistics'] },
  '/donations/requests': { needs: 'GET /api/requests', roles: ['admin', 'planner', 'regional', 'logistics'] },
  '/donations/allocation': { needs: 'GET /api/allocations', roles: ['admin', 'planner', 'regional', 'logistics'] },
};

export function canOpen(role: Role, path: string): boolean {
  return RESTRICTED_PAGES[path]?.roles.includes(role) ?? true;
}


/** The kinds the import page offers a role. */
export function importKindsFor(role: Role): ImportKind[] {
  return IMPORT_KINDS.filter((kind) => IMPORT_ACCESS[kind].includes(role));
}

/**
 * Where the app must send a visitor of `url` instead of showing it, or null to show it: nobody is
 * signed in, or the user must first replace a one-time password (both: the login page, then back);
 * a signed-in user on the login page goes on to `?next=`; a page of another role goes to the map.
 */
export function redirectFor(user: SessionUser | null, url: URL): string | null {
  const here = `${url.pathname}${url.search}`;
  if (url.pathname === '/login') {
    return user && !user.mustChangePassword ? safeNext(url.searchParams.get('next')) : null;
  }
  if (!user || user.mustChangePassword) return loginPath(here);
  if (!canOpen(user.role, url.pathname)) return '/';
  return null;
}
