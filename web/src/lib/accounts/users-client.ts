import { fetchJson } from '$lib/api/fetch-json';
import { sendJson } from '$lib/api/send-json';
import type { NewUser, OneTimePassword, UserChange, UserSummary } from './accounts-types';

export async function fetchUsers(signal?: AbortSignal): Promise<UserSummary[]> {
  return (await fetchJson<{ users: UserSummary[] }>('/api/users', { signal, cache: 'no-store' })).users;
}

export function createUser(user: NewUser): Promise<OneTimePassword> {
  return sendJson<OneTimePassword>('/api/users', user);
}

export function updateUser(username: string, change: UserChange): Promise<unknown> {
  return sendJson<unknown>(`/api/users/${encodeURIComponent(username)}`, change, { method: 'PATCH' });
}

export function resetPassword(username: string): Promise<OneTimePassword> {
  return sendJson<OneTimePassword>(`/api/users/${encodeURIComponent(username)}/password`, {});
}
