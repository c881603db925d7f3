import { SHARE_MAX_DAYS, STORY_MAX_VIEWS, VIEW_NOTE_MAX, VIEW_PAGES, VIEW_QUERY_MAX, VIEW_TITLE_MAX, type NewShareLink, type SavedView, type SharedContent, type ShareLink, type Story, type StorySummary } from '@terep/db';
import { Hono } from 'hono';
import { z } from 'zod';
import { setShareCookie } from '../../auth/middleware.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { parseParam, recordIdSchema } from '../../http/parse-query.ts';
import type { SavedViews } from '../../views/saved-views.ts';

const title = z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' }).max(VIEW_TITLE_MAX);
const note = z.string({ error: 'must be text' }).max(VIEW_NOTE_MAX);
const page = z.enum(VIEW_PAGES, { error: `must be one of ${VIEW_PAGES.join(', ')}` });
/** The query string as the address has it, without `?`. */
const query = z.string({ error: 'must be text' }).max(VIEW_QUERY_MAX).transform((text) => text.replace(/^\?/, ''));
const id = z.number({ error: 'must be an id' }).int().positive();
const viewIds = z.array(id, { error: 'must be a list of view ids' }).max(STORY_MAX_VIEWS);

const newViewSchema = z.object({ title, note: note.optional(), page, query }).strict();
const viewChangeSchema = z.object({ title: title.optional(), note: note.optional(), page: page.optional(), query: query.optional() }).strict();
const newStorySchema = z.object({ title, note: note.optional(), viewIds }).strict();
const storyChangeSchema = z.object({ title: title.optional(), note: note.optional(), viewIds: viewIds.optional() }).strict();
const expiresInDays = z.number({ error: 'must be a number of days' }).int().min(1).max(SHARE_MAX_DAYS).optional();
const newShareSchema = z.union([
  z.object({ viewId: id, expiresInDays }).strict(),
  z.object({ storyId: id, expiresInDays }).strict(),
]);

const viewIdSchema = recordIdSchema('a saved view id');
const storyIdSchema = recordIdSchema('a story id');
const shareIdSchema = recordIdSchema('a share link id');

/**
 * Saved views (`/views`), stories (`/stories`), share links (`/shares`) and what a share link opens
 * (`/shared/:token`, public: it also sets the share cookie through which the page reads its data).
 */
export function viewRoutes(views: SavedViews): Hono {
  return new Hono()
    .get('/views', async (c) => c.json<{ views: SavedView[] }>({ views: await views.listViews() }))
    .post('/views', async (c) => c.json<SavedView>(await views.createView(await readJsonBody(c, newViewSchema), c.get('user')), 201))
    .get('/views/:id', async (c) => c.json<SavedView>(await views.view(parseParam('id', c.req.param('id'), viewIdSchema))))
    .patch('/views/:id', async (c) => {
      const viewId = parseParam('id', c.req.param('id'), viewIdSchema);
      return c.json<SavedView>(await views.changeView(viewId, await readJsonBody(c, viewChangeSchema), c.get('user')));
    })
    .delete('/views/:id', async (c) => {
      const viewId = parseParam('id', c.req.param('id'), viewIdSchema);
      await views.deleteView(viewId, c.get('user'));
      return c.json({ id: viewId, deleted: true });
    })
    .get('/stories', async (c) => c.json<{ stories: StorySummary[] }>({ stories: await views.listStories() }))
    .post('/stories', async (c) => c.json<Story>(await views.createStory(await readJsonBody(c, newStorySchema), c.get('user')), 201))
    .get('/stories/:id', async (c) => c.json<Story>(await views.story(parseParam('id', c.req.param('id'), storyIdSchema))))
    .patch('/stories/:id', async (c) => {
      const storyId = parseParam('id', c.req.param('id'), storyIdSchema);
      return c.json<Story>(await views.changeStory(storyId, await readJsonBody(c, storyChangeSchema), c.get('user')));
    })
    .delete('/stories/:id', async (c) => {
      const storyId = parseParam('id', c.req.param('id'), storyIdSchema);
      await views.deleteStory(storyId, c.get('user'));
      return c.json({ id: storyId, deleted: true });
    })
    .get('/shares', async (c) => c.json<{ shares: ShareLink[] }>({ shares: await views.listShares(c.get('user')) }))
    .post('/shares', async (c) => c.json<NewShareLink>(await views.createShare(await readJsonBody(c, newShareSchema), c.get('user')), 201))
    .delete('/shares/:id', async (c) => c.json<ShareLink>(await views.revokeShare(parseParam('id', c.req.param('id'), shareIdSchema), c.get('user'))))
    .get('/shared/:token', async (c) => {
      const token = c.req.param('token');
      const content = await views.shared(token);
      setShareCookie(c, token, content.expiresAt);
      return c.json<SharedContent>(content);
    });
}
