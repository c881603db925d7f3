import { fetchJson } from '$lib/api/fetch-json';
import { sendJson } from '$lib/api/send-json';
import type { SessionAnswer, SessionUser } from './accounts-types';

/** The signed-in user; a 401 is thrown (not redirected): being signed out is an answer here. */
export async function fetchSession(): Promise<SessionUser> {
  const answer = await fetchJson<SessionAnswer>('/api/session', { cache: 'no-store', whenSignedOut: 'throw' });
  return answer.user;
}

export async function signIn(username: string, password: string): Promise<SessionUser> {
  const answer = await sendJson<SessionAnswer>('/api/session', { username, password }, { whenSignedOut: 'throw' });
  return answer.user;
}

export async function signOut(): Promise<void> {
  await fetchJson<unknown>('/api/session', { method: 'DELETE', whenSignedOut: 'throw' });
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await sendJson<unknown>('/api/session/password', { currentPassword, newPassword }, { method: 'PUT', whenSignedOut: 'throw' });
}
