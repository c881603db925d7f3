import { fetchJson } from '$lib/api/fetch-json';
import type { SettlementProfile } from './profile-types';

export function fetchSettlementProfile(code: string, signal?: AbortSignal): Promise<SettlementProfile> {
  return fetchJson<SettlementProfile>(`/api/settlements/${encodeURIComponent(code)}`, { signal });
}
