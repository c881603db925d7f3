import { sql, type Kysely, type Transaction } from 'kysely';
import type { SavedView, ShareLink, StorySummary, ViewPage } from '../contract/views.ts';
import type { Database } from '../schema.ts';
import { utcText } from './utc-text.ts';

/** Who writes a view, story or share link. */
export interface ViewAuthor {
  userId: number;
  username: string;
}

interface ViewRow {
  id: number;
  title: string;
  note: string;
  page: ViewPage;
  query: string;
  author: string;
  author_id: number | null;
  created_at: string;
  updated_at: string;
}

const VIEW_COLUMNS = sql`v.id, v.title, v.note, v.page, v.query, v.author, v.author_id, ${utcText('v.created_at')} AS created_at, ${utcText('v.updated_at')} AS updated_at`;

/** A saved view and the id of its author (null once that user is gone), for the owner checks. */
export interface OwnedView {
  view: SavedView;
  authorId: number | null;
}

function viewOf(row: ViewRow): OwnedView {
  return {
    view: { id: row.id, title: row.title, note: row.note, page: row.page, query: row.query, author: row.author, createdAt: row.created_at, updatedAt: row.updated_at },
    authorId: row.author_id,
  };
}

export async function createSavedView(db: Kysely<Database>, input: { title: string; note: string; page: ViewPage; query: string }, author: ViewAuthor): Promise<SavedView> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO saved_view (title, note, page, query, author_id, author)
    VALUES (${input.title}, ${input.note}, ${input.page}, ${input.query}, ${author.userId}, ${author.username})
    RETURNING id`.execute(db);
  return (await readSavedView(db, rows[0]!.id))!.view;
}

/** Every saved view, newest first. */
export async function listSavedViews(db: Kysely<Database>): Promise<SavedView[]> {
  const { rows } = await sql<ViewRow>`SELECT ${VIEW_COLUMNS} FROM saved_view v ORDER BY v.id DESC`.execute(db);
  return rows.map((row) => viewOf(row).view);
}

export async function readSavedView(db: Kysely<Database>, id: number): Promise<OwnedView | undefined> {
  const { rows } = await sql<ViewRow>`SELECT ${VIEW_COLUMNS} FROM saved_view v WHERE v.id = ${id}`.execute(db);
  return rows[0] && viewOf(rows[0]);
}

export async function updateSavedView(db: Kysely<Database>, id: number, change: { title?: string | undefined; note?: string | undefined; page?: ViewPage | undefined; query?: string | undefined }): Promise<SavedView | undefined> {
  await sql`
    UPDATE saved_view SET
      title = coalesce(${change.title ?? null}, title),
      note = coalesce(${change.note ?? null}, note),
      page = coalesce(${change.page ?? null}, page),
      query = coalesce(${change.query ?? null}, query),
      updated_at = now()
    WHERE id = ${id}`.execute(db);
  return (await readSavedView(db, id))?.view;
}

export async function deleteSavedView(db: Kysely<Database>, id: number): Promise<boolean> {
  const { rows } = await sql<{ id: number }>`DELETE FROM saved_view WHERE id = ${id} RETURNING id`.execute(db);
  return rows.length > 0;
}

/** The ids among `ids` that name no saved view. */
export async function unknownViewIds(db: Kysely<Database>, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ id: number }>`SELECT id FROM saved_view WHERE id IN (${sql.join(ids)})`.execute(db);
  const known = new Set(rows.map((row) => row.id));
  return ids.filter((id) => !known.has(id));
}

interface StoryRow {
  id: number;
  title: string;
  note: string;
  author: string;
  author_id: number | null;
  created_at: string;
  updated_at: string;
  view_ids: number[] | string | null;
}

const STORY_COLUMNS = sql`s.id, s.title, s.note, s.author, s.author_id, ${utcText('s.created_at')} AS created_at, ${utcText('s.updated_at')} AS updated_at,
  (SELECT array_agg(sv.view_id ORDER BY sv.position) FROM story_view sv WHERE sv.story_id = s.id) AS view_ids`;

export interface OwnedStory {
  story: StorySummary;
  authorId: number | null;
}

/** int[] arrives as an array from both drivers; an empty story has none. */
function storyOf(row: StoryRow): OwnedStory {
  const viewIds = Array.isArray(row.view_ids) ? row.view_ids.map(Number) : [];
  return {
    story: { id: row.id, title: row.title, note: row.note, author: row.author, createdAt: row.created_at, updatedAt: row.updated_at, viewIds },
    authorId: row.author_id,
  };
}

async function writeStoryViews(trx: Transaction<Database>, storyId: number, viewIds: readonly number[]): Promise<void> {
  await sql`DELETE FROM story_view WHERE story_id = ${storyId}`.execute(trx);
  if (viewIds.length === 0) return;
  const values = viewIds.map((viewId, position) => sql`(${storyId}, ${position}, ${viewId})`);
  await sql`INSERT INTO story_view (story_id, position, view_id) VALUES ${sql.join(values)}`.execute(trx);
}

/** A story and its views; in the caller's transaction, which also audits it. */
export async function createStory(trx: Transaction<Database>, input: { title: string; note: string; viewIds: readonly number[] }, author: ViewAuthor): Promise<StorySummary> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO story (title, note, author_id, author) VALUES (${input.title}, ${input.note}, ${author.userId}, ${author.username}) RETURNING id`.execute(trx);
  await writeStoryViews(trx, rows[0]!.id, input.viewIds);
  return (await readStory(trx, rows[0]!.id))!.story;
}

/** Every story, newest first. */
export async function listStories(db: Kysely<Database>): Promise<StorySummary[]> {
  const { rows } = await sql<StoryRow>`SELECT ${STORY_COLUMNS} FROM story s ORDER BY s.id DESC`.execute(db);
  return rows.map((row) => storyOf(row).story);
}

export async function readStory(db: Kysely<Database>, id: number): Promise<OwnedStory | undefined> {
  const { rows } = await sql<StoryRow>`SELECT ${STORY_COLUMNS} FROM story s WHERE s.id = ${id}`.execute(db);
  return rows[0] && storyOf(rows[0]);
}

/** The views of a story, in its order. */
export async function readStoryViews(db: Kysely<Database>, storyId: number): Promise<SavedView[]> {
  const { rows } = await sql<ViewRow>`
    SELECT ${VIEW_COLUMNS} FROM story_view sv JOIN saved_view v ON v.id = sv.view_id
    WHERE sv.story_id = ${storyId} ORDER BY sv.position`.execute(db);
  return rows.map((row) => viewOf(row).view);
}

/** Changes a story (and its views); in the caller's transaction, which also audits it. */
export async function updateStory(trx: Transaction<Database>, id: number, change: { title?: string | undefined; note?: string | undefined; viewIds?: readonly number[] | undefined }): Promise<StorySummary | undefined> {
  await sql`
    UPDATE story SET title = coalesce(${change.title ?? null}, title), note = coalesce(${change.note ?? null}, note), updated_at = now()
    WHERE id = ${id}`.execute(trx);
  if (change.viewIds) await writeStoryViews(trx, id, change.viewIds);
  return (await readStory(trx, id))?.story;
}

export async function deleteStory(db: Kysely<Database>, id: number): Promise<boolean> {
  const { rows } = await sql<{ id: number }>`DELETE FROM story WHERE id = ${id} RETURNING id`.execute(db);
  return rows.length > 0;
}

interface ShareRow {
  id: number;
  view_id: number | null;
  story_id: number | null;
  title: string;
  created_by: string;
  created_by_id: number | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  /** Whether it is past its expiry by the database's clock; see readShareLink. */
  expired?: boolean;
}

const SHARE_COLUMNS = sql`l.id, l.view_id, l.story_id, coalesce(v.title, s.title) AS title, l.created_by, l.created_by_id,
  ${utcText('l.created_at')} AS created_at, ${utcText('l.expires_at')} AS expires_at,
  CASE WHEN l.revoked_at IS NULL THEN NULL ELSE ${utcText('l.revoked_at')} END AS revoked_at`;
const SHARE_FROM = sql`share_link l LEFT JOIN saved_view v ON v.id = l.view_id LEFT JOIN story s ON s.id = l.story_id`;

export interface OwnedShareLink {
  share: ShareLink;
  createdById: number | null;
}

function shareOf(row: ShareRow): OwnedShareLink {
  const kind = row.view_id !== null ? 'view' : 'story';
  return {
    share: {
      id: row.id,
      kind,
      targetId: (kind === 'view' ? row.view_id : row.story_id)!,
      title: row.title,
      createdBy: row.created_by,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
    },
    createdById: row.created_by_id,
  };
}

export async function createShareLink(
  db: Kysely<Database>,
  input: { tokenHash: string; viewId: number | null; storyId: number | null; expiresAt: Date },
  author: ViewAuthor,
): Promise<ShareLink> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO share_link (token_hash, view_id, story_id, created_by_id, created_by, expires_at)
    VALUES (${input.tokenHash}, ${input.viewId}, ${input.storyId}, ${author.userId}, ${author.username}, ${input.expiresAt.toISOString()}::timestamptz)
    RETURNING id`.execute(db);
  return (await readShareLinkById(db, rows[0]!.id))!.share;
}

/** Share links, newest first: all of them, or those `createdById` made. */
export async function listShareLinks(db: Kysely<Database>, createdById?: number): Promise<ShareLink[]> {
  const mine = createdById === undefined ? sql`TRUE` : sql`l.created_by_id = ${createdById}`;
  const { rows } = await sql<ShareRow>`SELECT ${SHARE_COLUMNS} FROM ${SHARE_FROM} WHERE ${mine} ORDER BY l.id DESC`.execute(db);
  return rows.map((row) => shareOf(row).share);
}

export async function readShareLinkById(db: Kysely<Database>, id: number): Promise<OwnedShareLink | undefined> {
  const { rows } = await sql<ShareRow>`SELECT ${SHARE_COLUMNS} FROM ${SHARE_FROM} WHERE l.id = ${id}`.execute(db);
  return rows[0] && shareOf(rows[0]);
}

/** The link of a token's hash, and whether it has expired at `now` (revoked ones are returned too: the caller says which). */
export async function readShareLink(db: Kysely<Database>, tokenHash: string, now: Date): Promise<(OwnedShareLink & { expired: boolean }) | undefined> {
  const { rows } = await sql<ShareRow>`
    SELECT ${SHARE_COLUMNS}, l.expires_at <= ${now.toISOString()}::timestamptz AS expired FROM ${SHARE_FROM} WHERE l.token_hash = ${tokenHash}`.execute(db);
  const row = rows[0];
  return row && { ...shareOf(row), expired: row.expired === true };
}

/** Revokes a link (kept, with the time); false when there is none. A second revoke keeps the first time. */
export async function revokeShareLink(db: Kysely<Database>, id: number, now: Date): Promise<boolean> {
  const { rows } = await sql<{ id: number }>`
    UPDATE share_link SET revoked_at = coalesce(revoked_at, ${now.toISOString()}::timestamptz) WHERE id = ${id} RETURNING id`.execute(db);
  return rows.length > 0;
}
