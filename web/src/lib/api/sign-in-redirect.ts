/** The login page, with the address to return to after signing in (`/login?next=%2Fanalysis`). */
export function loginPath(next: string): string {
  return next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login';
}

/**
 * A `next` address that is safe to follow: a path on this site only (`/analysis?x=1`), never another
 * origin (`//evil.example`, `https://...`), so a crafted login link cannot send the user away.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

/** A share link's reader (`/v/TOKEN`) has no account to sign in to: refused calls show the refusal instead. */
let signInOffered = true;

export function offerSignIn(offered: boolean): void {
  signInOffered = offered;
}

/**
 * The session ended while the app was open (expired, logged out in another tab): load the login page
 * afresh, coming back here afterwards. A full page load on purpose: it drops every panel's state of the
 * previous user. Nothing happens outside a browser or on the login page itself.
 */
export function goToSignIn(): void {
  if (typeof window === 'undefined' || !signInOffered) return;
  const { pathname, search, hash } = window.location;
  if (pathname === '/login') return;
  window.location.assign(loginPath(`${pathname}${search}${hash}`));
}
