import { VIEW_PAGES, type NewShareLink, type SavedView, type ShareLink, type ShareTarget, type StorySummary, type ViewPage } from '@terep/db/contract';
import type { SessionUser } from '$lib/accounts/accounts-types';
import { presenter } from './presenter.svelte';
import { createShareLink, deleteSavedView, deleteStory, fetchSavedViews, fetchShareLinks, fetchStories, fetchStory, revokeShareLink, saveStory, saveView } from './views-client';

/** The page and query string of the address now, when it is a map page. */
export function currentView(): { page: ViewPage; query: string } | null {
  const { pathname, search } = window.location;
  if (!(VIEW_PAGES as readonly string[]).includes(pathname)) return null;
  return { page: pathname as ViewPage, query: search.replace(/^\?/, '') };
}

/** Whether the user may save views and make public links (the API's VIEW_AUTHORS). */
export function canAuthor(user: SessionUser | null): boolean {
  return user !== null && user.role !== 'viewer';
}

/** Whether the user may change or delete what `author` made (admins: everything). */
export function canChange(user: SessionUser | null, author: string): boolean {
  return user !== null && (user.role === 'admin' || user.username === author) && canAuthor(user);
}

/** The saved views, stories and one's public links, with what the toolbar's panels do with them. */
export class ViewLibrary {
  views = $state.raw<SavedView[]>([]);
  stories = $state.raw<StorySummary[]>([]);
  shares = $state.raw<ShareLink[]>([]);
  loading = $state(false);
  error = $state.raw<unknown>(null);

  async load(withShares: boolean): Promise<void> {
    this.loading = true;
    try {
      const [views, stories, shares] = await Promise.all([fetchSavedViews(), fetchStories(), withShares ? fetchShareLinks() : Promise.resolve([])]);
      this.views = views;
      this.stories = stories;
      this.shares = shares;
      this.error = null;
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }

  /** Saves the view now shown under a title and a note. */
  async saveCurrent(title: string, note: string): Promise<SavedView> {
    const here = currentView();
    if (!here) throw new Error('not a map page');
    const view = await saveView({ title, note, ...here });
    this.views = [view, ...this.views];
    return view;
  }

  async removeView(view: SavedView): Promise<void> {
    await deleteSavedView(view.id);
    this.views = this.views.filter((entry) => entry.id !== view.id);
    // Its stories lost a step.
    this.stories = this.stories.map((story) => ({ ...story, viewIds: story.viewIds.filter((id) => id !== view.id) }));
  }

  async makeStory(title: string, viewIds: number[]): Promise<StorySummary> {
    const story = await saveStory({ title, viewIds });
    this.stories = [story, ...this.stories];
    return story;
  }

  async removeStory(story: StorySummary): Promise<void> {
    await deleteStory(story.id);
    this.stories = this.stories.filter((entry) => entry.id !== story.id);
  }

  async share(target: ShareTarget, expiresInDays: number): Promise<NewShareLink> {
    const created = await createShareLink({ ...target, expiresInDays });
    this.shares = [created.share, ...this.shares];
    return created;
  }

  async revoke(share: ShareLink): Promise<void> {
    const revoked = await revokeShareLink(share.id);
    this.shares = this.shares.map((entry) => (entry.id === revoked.id ? revoked : entry));
  }

  /** Presents a story from its first view (called from a click: full screen needs one). */
  async present(story: StorySummary): Promise<void> {
    presenter.enterFullscreen();
    const full = await fetchStory(story.id);
    presenter.start(full.views.map(({ title, note, page, query }) => ({ title, note, page, query })), { fullscreen: false });
  }
}

/** The absolute address of a path on this site (what a link sent by mail needs). */
export function absoluteUrl(path: string): string {
  return new URL(path, window.location.origin).href;
}
