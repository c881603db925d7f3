import { fetchJson } from '$lib/api/fetch-json';
import { sendJson } from '$lib/api/send-json';
import type { CreatedNeedIndex, NeedIndexComponent, SavedNeedIndex } from './need-index-types';

export async function fetchNeedIndices(signal?: AbortSignal): Promise<SavedNeedIndex[]> {
  return (await fetchJson<{ indices: SavedNeedIndex[] }>('/api/need-indices', { cache: 'no-store', signal })).indices;
}

export function createNeedIndex(name: string, components: readonly NeedIndexComponent[]): Promise<CreatedNeedIndex> {
  return sendJson<CreatedNeedIndex>('/api/need-indices', { name, components });
}

export function deleteNeedIndex(key: string): Promise<{ key: string; deleted: true }> {
  return fetchJson(`/api/need-indices/${encodeURIComponent(key)}`, { method: 'DELETE' });
}
