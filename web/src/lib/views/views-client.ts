import type { NewShareLink, SavedView, SavedViewInput, SharedContent, ShareInput, ShareLink, Story, StoryInput, StorySummary } from '@terep/db/contract';
import { fetchJson } from '$lib/api/fetch-json';
import { sendJson } from '$lib/api/send-json';

export async function fetchSavedViews(): Promise<SavedView[]> {
  return (await fetchJson<{ views: SavedView[] }>('/api/views', { cache: 'no-store' })).views;
}

export function saveView(input: SavedViewInput): Promise<SavedView> {
  return sendJson<SavedView>('/api/views', input);
}

export async function deleteSavedView(id: number): Promise<void> {
  await fetchJson<unknown>(`/api/views/${id}`, { method: 'DELETE' });
}

export async function fetchStories(): Promise<StorySummary[]> {
  return (await fetchJson<{ stories: StorySummary[] }>('/api/stories', { cache: 'no-store' })).stories;
}

export function fetchStory(id: number): Promise<Story> {
  return fetchJson<Story>(`/api/stories/${id}`, { cache: 'no-store' });
}

export function saveStory(input: StoryInput): Promise<Story> {
  return sendJson<Story>('/api/stories', input);
}

export async function deleteStory(id: number): Promise<void> {
  await fetchJson<unknown>(`/api/stories/${id}`, { method: 'DELETE' });
}

export function createShareLink(input: ShareInput): Promise<NewShareLink> {
  return sendJson<NewShareLink>('/api/shares', input);
}

export async function fetchShareLinks(): Promise<ShareLink[]> {
  return (await fetchJson<{ shares: ShareLink[] }>('/api/shares', { cache: 'no-store' })).shares;
}

export function revokeShareLink(id: number): Promise<ShareLink> {
  return fetchJson<ShareLink>(`/api/shares/${id}`, { method: 'DELETE' });
}

/** What a share link opens (no account needed); also sets the cookie through which the map reads its data. */
export function fetchShared(token: string): Promise<SharedContent> {
  return fetchJson<SharedContent>(`/api/shared/${encodeURIComponent(token)}`, { cache: 'no-store', whenSignedOut: 'throw' });
}
