import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createProgress, ensureBaseData, formatLoadSummary } from '@terep/data-import';
import { engineOptionsFromEnv, openEngine } from '@terep/db';
import { createApi } from './app.ts';
import { startupLog } from './startup/startup-log.ts';

// The only place that reads the environment: PORT, HOST, DATABASE_URL, TEREP_DATA_DIR, TEREP_BASE_DATA, TEREP_VERBOSE.
const step = startupLog(process.argv.includes('--verbose') || process.env.TEREP_VERBOSE === '1');
const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
const webRoot = fileURLToPath(new URL('../../web/build', import.meta.url));

step('server modules loaded');
const engine = await openEngine(engineOptionsFromEnv(), step);
console.log(`Terep: ${engine.kind} database at ${engine.location}`);
const loaded = await ensureBaseData(engine, { directory: process.env.TEREP_BASE_DATA || undefined, progress: createProgress(process.stdout) });
if (loaded) console.log(formatLoadSummary(loaded));
step(loaded ? 'base data loaded' : 'base data present');

const app = createApi({ engine });
if (existsSync(webRoot)) {
  app.use('/*', serveStatic({ root: webRoot }));
  // The dashboard is a single-page app: unknown paths get its shell, read per request so a rebuild needs no restart.
  app.get('*', (c) => c.html(readFileSync(`${webRoot}/index.html`, 'utf8')));
} else {
  console.warn(`Terep: no web build at ${webRoot}; run "npm run build" to serve the dashboard. Serving the API only.`);
}

const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  step('listening');
  console.log(`Terep is running: http://${host === '0.0.0.0' ? 'localhost' : host}:${info.port}/`);
});

const shutdown = () => {
  server.close();
  void engine.close().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
