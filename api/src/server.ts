import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createProgress, ensureBaseData, formatLoadSummary } from '@terep/data-import';
import { engineOptionsFromEnv, openEngine } from '@terep/db';
import { createApi } from './app.ts';
import { Accounts, DEFAULT_SESSION_ABSOLUTE_MS, DEFAULT_SESSION_IDLE_MS } from './auth/accounts.ts';

// The only place that reads the environment: PORT, HOST, DATABASE_URL, TEREP_DATA_DIR, TEREP_BASE_DATA,
// TEREP_SESSION_IDLE_HOURS, TEREP_SESSION_MAX_DAYS.
const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
const hours = (name: string, factor: number, fallback: number) => {
  const value = Number(process.env[name]);
  return process.env[name] && Number.isFinite(value) && value > 0 ? value * factor * 3_600_000 : fallback;
};
const auth = {
  sessionIdleMs: hours('TEREP_SESSION_IDLE_HOURS', 1, DEFAULT_SESSION_IDLE_MS),
  sessionAbsoluteMs: hours('TEREP_SESSION_MAX_DAYS', 24, DEFAULT_SESSION_ABSOLUTE_MS),
};
const webRoot = fileURLToPath(new URL('../../web/build', import.meta.url));

const engine = await openEngine(engineOptionsFromEnv());
console.log(`Terep: ${engine.kind} database at ${engine.location}`);
const loaded = await ensureBaseData(engine, { directory: process.env.TEREP_BASE_DATA || undefined, progress: createProgress(process.stdout) });
if (loaded) console.log(formatLoadSummary(loaded));

const firstAdmin = await new Accounts(engine, auth).ensureFirstAdmin();
if (firstAdmin) {
  // Printed once: on the next start a user exists and nothing is created or shown.
  const rule = '='.repeat(72);
  console.log(`\n${rule}\nTerep: first run, an administrator account was created.\n  username: ${firstAdmin.username}\n  password: ${firstAdmin.password}\nThis one-time password is shown only now: sign in and change it.\n(Lost it? npm run users -- passwd admin)\n${rule}\n`);
}

const app = createApi({ engine, auth });
if (existsSync(webRoot)) {
  app.use('/*', serveStatic({ root: webRoot }));
  // The dashboard is a single-page app: unknown paths get its shell, read per request so a rebuild needs no restart.
  app.get('*', (c) => c.html(readFileSync(`${webRoot}/index.html`, 'utf8')));
} else {
  console.warn(`Terep: no web build at ${webRoot}; run "npm run build" to serve the dashboard. Serving the API only.`);
}

const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  console.log(`Terep is running: http://${host === '0.0.0.0' ? 'localhost' : host}:${info.port}/`);
});

const shutdown = () => {
  server.close();
  void engine.close().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
