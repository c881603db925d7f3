import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { securityHeaders } from '../http/security-headers.ts';
import type { WebShell } from '../http/web-shell.ts';

/** The dashboard's files, and its shell for every other path (a single-page app; the shell is reread after a rebuild). */
export function serveWeb(app: Hono, webRoot: string, shell: WebShell): void {
  app.use('/*', serveStatic({ root: webRoot }));
  app.get('*', (c) => c.html(shell.html()));
}

export interface StartingApp {
  /** The server's handler from the moment it listens: the app's own once `ready` gave it. */
  fetch(request: Request, env: unknown): Response | Promise<Response>;
  /** The step the start is in, shown by `/api/health` until the app is ready. */
  step(name: string): void;
  ready(app: Hono): void;
}

/**
 * Serves while the database opens and migrates (seconds on the embedded engine, a minute or more
 * on a first start that loads the base data): the dashboard's files at once, `/api/health` as 503
 * `{"status":"starting","step":…}`, and every other API call held until the app is ready and then
 * answered by it, so a browser opened early waits for its data instead of failing.
 */
export function startingApp(options: { webRoot: string; shell: WebShell | undefined }): StartingApp {
  let app: Hono | undefined;
  let step = 'starting';
  let opened: (app: Hono) => void = () => {};
  const opening = new Promise<Hono>((resolve) => (opened = resolve));
  const starting = new Hono()
    .use('*', securityHeaders(options.shell ? { inlineScriptHashes: () => options.shell!.inlineScriptHashes() } : {}))
    .get('/api/health', (c) => c.json({ status: 'starting', step }, 503))
    .all('/api/*', async (c) => (await opening).fetch(c.req.raw, c.env));
  if (options.shell) serveWeb(starting, options.webRoot, options.shell);
  // Whatever else comes (a POST to the web's paths, or everything without a web build) waits for the app's own answer.
  starting.all('*', async (c) => (await opening).fetch(c.req.raw, c.env));
  return {
    fetch: (request, env) => (app ?? starting).fetch(request, env),
    step: (name) => {
      step = name;
    },
    ready: (ready) => {
      app = ready;
      opened(ready);
    },
  };
}
