import { redirect } from '@sveltejs/kit';
import { redirectFor } from '$lib/accounts/page-access';
import { session } from '$lib/accounts/session.svelte';
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
  const target = redirectFor(user, url);
  if (target !== null) redirect(307, target);
  return {};
};
