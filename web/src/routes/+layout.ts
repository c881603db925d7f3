import { redirect } from '@sveltejs/kit';
import { redirectFor } from '$lib/accounts/page-access';
import { session } from '$lib/accounts/session.svelte';
import { sharedView } from '$lib/views/shared-view.svelte';
import { fetchShared } from '$lib/views/views-client';
import type { LayoutLoad } from './$types';

// A client-only single-page app: the map needs the browser, and adapter-static serves
// index.html as the fallback for every path.
export const ssr = false;
export const prerender = false;

/**
 * Every page needs a session: without one (or with a one-time password still to replace) the
 * login page comes first, then the page asked for. The session is asked once per page load.
 */
export const load: LayoutLoad = async ({ url }) => {
  let user;
  try {
    user = await session.ensureLoaded();
  } catch {
    // The server cannot be reached: the page shows that itself, each panel with its own retry.
    return {};
  }
  // A read-only share link opens without an account (`/v/TOKEN`, then the map pages it shows).
  if (url.pathname.startsWith('/v/')) return {};
  if (user === null && (await resumeSharedView()) && sharedView.allows(url.pathname)) return {};
  const target = redirectFor(user, url);
  if (target !== null) redirect(307, target);
  return {};
};

/** A share link this tab opened before a reload: asked again (it may have been revoked meanwhile). */
async function resumeSharedView(): Promise<boolean> {
  if (sharedView.active) return true;
  const token = sharedView.storedToken();
  if (token === null) return false;
  try {
    sharedView.open(token, await fetchShared(token));
    return true;
  } catch {
    sharedView.close();
    return false;
  }
}
