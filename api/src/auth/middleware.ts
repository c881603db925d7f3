import type { SessionUser } from '@terep/db';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { matchedRoutes } from 'hono/route';
import { ApiError } from '../http/api-error.ts';
import type { Accounts } from './accounts.ts';
import { accessFor, SHARE_READS } from './route-rules.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The signed-in user; set on every route but the public ones (where it may be absent). */
    user: SessionUser;
    /** The SHA-256 of the session token, for changing one's password and logging out. */
    sessionHash: string;
  }
}

export const SESSION_COOKIE = 'terep_session';
/**
 * A read-only share link (`/v/TOKEN`) reads the map's data without an account: opening it
 * (`GET /api/shared/:token`) sets this cookie, and `authorize` then answers the routes of
 * SHARE_READS (route-rules.ts) as a viewer for as long as the link is neither revoked nor expired
 * (checked on every request, from memory: ShareLinkCache). Any other route, and every write, behaves as without a session.
 */
export const SHARE_COOKIE = 'terep_share';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ROUTE_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
/** What a signed-in user who must change the password may still do. */
const BEFORE_PASSWORD_CHANGE = new Set(['GET /api/session', 'DELETE /api/session', 'PUT /api/session/password']);

/** Whether the request reached us over https (directly or through a proxy that says so). */
function overHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

export function setSessionCookie(c: Context, token: string, maxAgeMs: number): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: overHttps(c),
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: overHttps(c) });
}

export function setShareCookie(c: Context, token: string, expiresAt: string): void {
  const maxAge = Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000));
  setCookie(c, SHARE_COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/api', secure: overHttps(c), maxAge });
}

/** Who reads through a share link: a viewer with no counties, named after the link. */
export function shareViewer(shareId: number): SessionUser {
  return { id: -shareId, username: `share-link-${shareId}`, role: 'viewer', counties: [], mustChangePassword: false };
}

/** The share link of a request: its id when the share cookie holds a live token. */
export type ShareResolver = (token: string) => Promise<number | undefined>;

export function sessionToken(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined;
}

/**
 * Cross-site request forgery: a state-changing request whose `Origin` is not
 * this server's, or that the browser marks `Sec-Fetch-Site: cross-site`, is
 * refused whatever its content type (Hono's csrf middleware checks form content
 * types only). Requests without those headers (scripts, curl) pass: they carry
 * no ambient cookie from a victim's browser.
 */
export function refuseCrossOrigin(): MiddlewareHandler {
  return async (c, next) => {
    if (STATE_CHANGING.has(c.req.method)) {
      const origin = c.req.header('origin');
      const own = new URL(c.req.url).origin;
      const foreign = origin !== undefined ? origin !== own && !(overHttps(c) && origin === own.replace(/^http:/, 'https:')) : c.req.header('sec-fetch-site') === 'cross-site';
      if (foreign) throw new ApiError(403, 'CROSS_ORIGIN', 'Requests that change data must come from Terep itself, not from another site.');
    }
    await next();
  };
}

/** The registered pattern of the route that will answer (not a middleware's). */
function routePattern(c: Context): string | undefined {
  return matchedRoutes(c).find((route) => ROUTE_METHODS.has(route.method) && route.path !== '/api/*')?.path;
}

/**
 * Reads the session cookie and applies ROUTE_RULES: 401 UNAUTHENTICATED without
 * a live session (except public routes), 403 FORBIDDEN for a role the rule does
 * not name or a route without a rule, 403 PASSWORD_CHANGE_REQUIRED until a
 * one-time password is replaced. Unknown paths answer 404 to signed-in users.
 */
export function authorize(accounts: Accounts, resolveShare?: ShareResolver): MiddlewareHandler {
  return async (c, next) => {
    const token = sessionToken(c);
    const session = token ? await accounts.authenticate(token) : undefined;
    if (session) {
      c.set('user', session.user);
      c.set('sessionHash', session.tokenHash);
    }
    // HEAD is answered by the GET route (Hono), so it follows the GET rule.
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    const pattern = routePattern(c);
    const access = accessFor(method, c.req.path, pattern);
    if (access === 'public') return next();
    if (!session) {
      // Without a session, a live share link reads what SHARE_READS lists, as a viewer; nothing else.
      const shareCookie = getCookie(c, SHARE_COOKIE);
      if (resolveShare && shareCookie && method === 'GET' && pattern !== undefined && SHARE_READS.has(`GET ${pattern}`)) {
        const shareId = await resolveShare(shareCookie);
        if (shareId !== undefined) {
          c.set('user', shareViewer(shareId));
          return next();
        }
      }
      throw new ApiError(401, 'UNAUTHENTICATED', 'Sign in first.');
    }
    if (pattern === undefined) return next();
    const key = `${method} ${pattern}`;
    if (access === undefined || !access.includes(session.user.role)) {
      throw new ApiError(403, 'FORBIDDEN', `The ${session.user.role} role may not ${method} ${c.req.path}.`, { role: session.user.role });
    }
    if (session.user.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(key)) {
      throw new ApiError(403, 'PASSWORD_CHANGE_REQUIRED', 'Change your one-time password first (PUT /api/session/password).');
    }
    return next();
  };
}
