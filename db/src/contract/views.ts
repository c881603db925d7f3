/**
 * Saved views, stories and read-only share links (issue 13): `/api/views`, `/api/stories`,
 * `/api/shares` and the public `/api/shared/:token`.
 */

/** The map pages whose address is a view. */
export const VIEW_PAGES = ['/', '/analysis', '/planning', '/logistics'] as const;
export type ViewPage = (typeof VIEW_PAGES)[number];

/**
 * Pages a share link may open: what a viewer may see. The logistics page reads saved route plans,
 * which name stops and loads and are for the roles that plan routes only.
 */
export const SHAREABLE_PAGES: readonly ViewPage[] = ['/', '/analysis', '/planning'];

/** Longest title and note, in characters. */
export const VIEW_TITLE_MAX = 200;
export const VIEW_NOTE_MAX = 4000;
/** Longest query string of a view (the address's part after `?`). */
export const VIEW_QUERY_MAX = 4000;
/** Most views in one story. */
export const STORY_MAX_VIEWS = 50;
/** A share link lives this many days unless asked otherwise, and at most SHARE_MAX_DAYS. */
export const SHARE_DEFAULT_DAYS = 30;
export const SHARE_MAX_DAYS = 365;

/** A saved view: a page and its query string, titled, with who saved it and when (UTC text). */
export interface SavedView {
  id: number;
  title: string;
  note: string;
  page: ViewPage;
  /** The query string without `?` (`level=district&indicator=...&lon=19.5&lat=47.2&z=7`). */
  query: string;
  author: string;
  createdAt: string;
  updatedAt: string;
}

/** `POST /api/views`; `PATCH /api/views/:id` takes any of the fields. */
export interface SavedViewInput {
  title: string;
  note?: string;
  page: ViewPage;
  query: string;
}

export interface StorySummary {
  id: number;
  title: string;
  note: string;
  author: string;
  createdAt: string;
  updatedAt: string;
  /** The ids of its views, in order. */
  viewIds: number[];
}

/** A story with its views in order. */
export interface Story extends StorySummary {
  views: SavedView[];
}

/** `POST /api/stories`; `PATCH /api/stories/:id` takes any of the fields (`viewIds` replaces the order). */
export interface StoryInput {
  title: string;
  note?: string;
  viewIds: number[];
}

export type ShareTarget = { viewId: number } | { storyId: number };

/** `POST /api/shares`: what to share and for how many days (default SHARE_DEFAULT_DAYS). */
export type ShareInput = ShareTarget & { expiresInDays?: number };

export interface ShareLink {
  id: number;
  kind: 'view' | 'story';
  /** The shared view's or story's id. */
  targetId: number;
  /** Its title, for the list of one's links. */
  title: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

/** The answer to `POST /api/shares`: the token is shown this once (only its hash is stored). */
export interface NewShareLink {
  share: ShareLink;
  token: string;
  /** `/v/TOKEN`, the page that opens it. */
  path: string;
}

/** `GET /api/shared/:token` (no account needed): what the link opens. */
export type SharedContent = { expiresAt: string } & ({ kind: 'view'; view: SavedView } | { kind: 'story'; story: Story });
