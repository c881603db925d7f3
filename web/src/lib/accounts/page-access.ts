import { loginPath, safeNext } from '../api/sign-in-redirect';
import type { Role, SessionUser } from './accounts-types';

/**
 * The pages a role can use, for the navigation only: it hides what would only answer 403. The server
 * decides (api/src/auth/route-rules.ts); a page missing here is open to every role.
 */
const PAGE_ROLES: Record<string, readonly Role[]> = {
  '/admin/users': ['admin'],
};

export function canOpen(role: Role, path: string): boolean {
  return PAGE_ROLES[path]?.includes(role) ?? true;
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
