import { fetchJson } from '$lib/api/fetch-json';
import type { AreaProfile, SettlementProfile } from './profile-types';

export function fetchSettlementProfile(code: string, signal?: AbortSignal): Promise<SettlementProfile> {
  return fetchJson<SettlementProfile>(`/api/settlements/${encodeURIComponent(code)}`, { signal });
}

export function fetchAreaProfile(level: AreaProfile['level'], code: string, signal?: AbortSignal): Promise<AreaProfile> {
  return fetchJson<AreaProfile>(`/api/profiles/${level}/${encodeURIComponent(code)}`, { signal });
}
