import { randomBytes } from 'node:crypto';
import {
  createSavedView,
  createShareLink,
  createStory,
  deleteSavedView,
  deleteStory,
  listShareLinks,
  listSavedViews,
  listStories,
  readSavedView,
  readShareLink,
  readShareLinkById,
  readStory,
  readStoryViews,
  recordAudit,
  revokeShareLink,
  SHARE_DEFAULT_DAYS,
  SHAREABLE_PAGES,
  unknownViewIds,
  updateSavedView,
  updateStory,
  type AuditAction,
  type AuditObjectKind,
  type Database,
  type Engine,
  type NewShareLink,
  type SavedView,
  type SessionUser,
  type SharedContent,
  type ShareInput,
  type ShareLink,
  type Story,
  type StorySummary,
  type ViewPage,
} from '@terep/db';
import type { Transaction } from 'kysely';
import { actorOf } from '../audit/actor.ts';
import { hashToken } from '../auth/accounts.ts';
import { ApiError } from '../http/api-error.ts';

const DAY_MS = 86_400_000;
/** A share token: 32 random bytes, base64url (43 characters). */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface ViewChange {
  title?: string | undefined;
  note?: string | undefined;
  page?: ViewPage | undefined;
  query?: string | undefined;
}

export interface StoryChange {
  title?: string | undefined;
  note?: string | undefined;
  viewIds?: number[] | undefined;
}

const viewNotFound = (id: number) => new ApiError(404, 'VIEW_NOT_FOUND', `No saved view #${id}.`, { id });
const storyNotFound = (id: number) => new ApiError(404, 'STORY_NOT_FOUND', `No story #${id}.`, { id });
const shareNotFound = () => new ApiError(404, 'SHARE_NOT_FOUND', 'This share link does not exist.');

/** Admins change everything; the others what they made themselves. */
function requireOwner(user: SessionUser, ownerId: number | null, what: string): void {
  if (user.role !== 'admin' && ownerId !== user.id) {
    throw new ApiError(403, 'NOT_OWNER', `Only its author or an admin may change or share this ${what}.`, { kind: what });
  }
}


/** What a write changed, for the audit trail. */
const authorOf = (user: SessionUser) => ({ userId: user.id, username: user.username });

interface Change<T> {
  kind: AuditObjectKind;
  action: AuditAction;
  id: (result: T) => number;
  before?: unknown;
}

/**
 * Saved views, stories and share links: who may change what (authors their own, admins all) and
 * the share tokens (random, stored hashed, revocable, expiring). The clock is passed in for tests.
 */
export class SavedViews {
  constructor(
    private readonly engine: Engine,
    private readonly now: () => Date = () => new Date(),
  ) {}

  listViews(): Promise<SavedView[]> {
    return listSavedViews(this.engine.db);
  }

  async view(id: number): Promise<SavedView> {
    const found = await readSavedView(this.engine.db, id);
    if (!found) throw viewNotFound(id);
    return found.view;
  }

  createView(input: { title: string; note?: string | undefined; page: ViewPage; query: string }, user: SessionUser): Promise<SavedView> {
    return this.#audited(user, (trx) => createSavedView(trx, { ...input, note: input.note ?? '' }, authorOf(user)), { kind: 'view', action: 'create', id: (view) => view.id });
  }

  async changeView(id: number, change: ViewChange, user: SessionUser): Promise<SavedView> {
    const found = await readSavedView(this.engine.db, id);
    if (!found) throw viewNotFound(id);
    requireOwner(user, found.authorId, 'view');
    return this.#audited(user, async (trx) => (await updateSavedView(trx, id, change)) ?? found.view, { kind: 'view', action: 'update', id: () => id, before: found.view });
  }

  async deleteView(id: number, user: SessionUser): Promise<void> {
    const found = await readSavedView(this.engine.db, id);
    if (!found) throw viewNotFound(id);
    requireOwner(user, found.authorId, 'view');
    await this.#audited(user, async (trx) => {
      await deleteSavedView(trx, id);
      return null;
    }, { kind: 'view', action: 'delete', id: () => id, before: found.view });
  }

  listStories(): Promise<StorySummary[]> {
    return listStories(this.engine.db);
  }

  async story(id: number): Promise<Story> {
    const found = await readStory(this.engine.db, id);
    if (!found) throw storyNotFound(id);
    return { ...found.story, views: await readStoryViews(this.engine.db, id) };
  }

  async createStory(input: { title: string; note?: string | undefined; viewIds: number[] }, user: SessionUser): Promise<Story> {
    await this.#checkViewIds(input.viewIds);
    const story = await this.#audited(user, (trx) => createStory(trx, { ...input, note: input.note ?? '' }, authorOf(user)), { kind: 'story', action: 'create', id: (created) => created.id });
    return this.story(story.id);
  }

  async changeStory(id: number, change: StoryChange, user: SessionUser): Promise<Story> {
    const found = await readStory(this.engine.db, id);
    if (!found) throw storyNotFound(id);
    requireOwner(user, found.authorId, 'story');
    if (change.viewIds) await this.#checkViewIds(change.viewIds);
    await this.#audited(user, (trx) => updateStory(trx, id, change), { kind: 'story', action: 'update', id: () => id, before: found.story });
    return this.story(id);
  }

  async deleteStory(id: number, user: SessionUser): Promise<void> {
    const found = await readStory(this.engine.db, id);
    if (!found) throw storyNotFound(id);
    requireOwner(user, found.authorId, 'story');
    await this.#audited(user, async (trx) => {
      await deleteStory(trx, id);
      return null;
    }, { kind: 'story', action: 'delete', id: () => id, before: found.story });
  }

  /** One's own links (an admin's: everybody's). */
  listShares(user: SessionUser): Promise<ShareLink[]> {
    return listShareLinks(this.engine.db, user.role === 'admin' ? undefined : user.id);
  }

  /**
   * A new read-only link to a view or story of one's own (admins: any) showing only pages a viewer
   * may open. The token is answered once; only its SHA-256 is stored.
   */
  async createShare(input: ShareInput, user: SessionUser): Promise<NewShareLink> {
    const pages: ViewPage[] = [];
    let viewId: number | null = null;
    let storyId: number | null = null;
    if ('viewId' in input) {
      const found = await readSavedView(this.engine.db, input.viewId);
      if (!found) throw viewNotFound(input.viewId);
      requireOwner(user, found.authorId, 'view');
      pages.push(found.view.page);
      viewId = input.viewId;
    } else {
      const found = await readStory(this.engine.db, input.storyId);
      if (!found) throw storyNotFound(input.storyId);
      requireOwner(user, found.authorId, 'story');
      pages.push(...(await readStoryViews(this.engine.db, input.storyId)).map((view) => view.page));
      storyId = input.storyId;
    }
    const unshareable = pages.find((page) => !SHAREABLE_PAGES.includes(page));
    if (unshareable !== undefined) {
      throw new ApiError(400, 'INVALID_PARAMETER', `A view of ${unshareable} cannot be shared: a share link shows only what a viewer may see.`, { reason: 'page-not-shareable', page: unshareable });
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.now().getTime() + (input.expiresInDays ?? SHARE_DEFAULT_DAYS) * DAY_MS);
    const share = await this.#audited(user, (trx) => createShareLink(trx, { tokenHash: hashToken(token), viewId, storyId, expiresAt }, authorOf(user)), { kind: 'share-link', action: 'create', id: (created) => created.id });
    return { share, token, path: `/v/${token}` };
  }

  async revokeShare(id: number, user: SessionUser): Promise<ShareLink> {
    const found = await readShareLinkById(this.engine.db, id);
    if (!found) throw new ApiError(404, 'SHARE_NOT_FOUND', `No share link #${id}.`, { id });
    requireOwner(user, found.createdById, 'share link');
    return this.#audited(user, async (trx) => {
      await revokeShareLink(trx, id, this.now());
      return (await readShareLinkById(trx, id))!.share;
    }, { kind: 'share-link', action: 'revoke', id: () => id, before: found.share });
  }

  /**
   * What a live token opens: 404 SHARE_NOT_FOUND for a token that never existed, 410 SHARE_REVOKED
   * or SHARE_EXPIRED for one that did.
   */
  async shared(token: string): Promise<SharedContent> {
    const link = await this.liveShare(token);
    const { share } = link;
    if (share.kind === 'view') return { kind: 'view', expiresAt: share.expiresAt, view: await this.view(share.targetId) };
    return { kind: 'story', expiresAt: share.expiresAt, story: await this.story(share.targetId) };
  }

  /** The link of a token that is neither revoked nor expired, else the error that says which. */
  async liveShare(token: string): Promise<{ share: ShareLink }> {
    if (!SHARE_TOKEN_PATTERN.test(token)) throw shareNotFound();
    const link = await readShareLink(this.engine.db, hashToken(token), this.now());
    if (!link) throw shareNotFound();
    if (link.share.revokedAt !== null) throw new ApiError(410, 'SHARE_REVOKED', 'This share link has been revoked.', { revokedAt: link.share.revokedAt });
    if (link.expired) throw new ApiError(410, 'SHARE_EXPIRED', 'This share link has expired.', { expiresAt: link.share.expiresAt });
    return link;
  }

  /**
   * Runs a write and its audit entry in one transaction. A share link opens data to anyone who
   * holds it, so who made, changed or revoked which link (never its token) is on the audit trail.
   */
  #audited<T>(user: SessionUser, write: (trx: Transaction<Database>) => Promise<T>, change: Change<T>): Promise<T> {
    return this.engine.db.transaction().execute(async (trx) => {
      const result = await write(trx);
      await recordAudit(trx, { actor: actorOf(user), action: change.action, objectKind: change.kind, objectId: change.id(result), before: change.before ?? null, after: result });
      return result;
    });
  }

  async #checkViewIds(viewIds: readonly number[]): Promise<void> {
    const unknown = await unknownViewIds(this.engine.db, viewIds);
    if (unknown.length > 0) throw viewNotFound(unknown[0]!);
  }
}
