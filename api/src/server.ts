import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createProgress, ensureBaseData, formatLoadSummary } from '@terep/data-import';
import { baseDataPresent, embeddedDatabaseIsNew, engineOptionsFromEnv, openEngine, type Engine } from '@terep/db';
import { createApi } from './app.ts';
import { BASE_LOAD_FLAG, BaseLoadProcess } from './startup/base-load-process.ts';
import { startupLog } from './startup/startup-log.ts';
import { serveWeb, startingApp } from './startup/starting-app.ts';
import { Accounts, DEFAULT_SESSION_ABSOLUTE_MS, DEFAULT_SESSION_IDLE_MS } from './auth/accounts.ts';
import { answerClientErrorsAsJson, closeGracefully } from './http/node-server.ts';
import { WebShell } from './http/web-shell.ts';
import { DEFAULT_JOB_LIMITS, JobSlots } from './jobs/job-slots.ts';

// The only place that reads the environment: PORT, HOST, DATABASE_URL, TEREP_DATA_DIR, TEREP_BASE_DATA,
// TEREP_SESSION_IDLE_HOURS, TEREP_SESSION_MAX_DAYS, TEREP_MAX_JOBS, TEREP_MAX_JOBS_PER_USER,
// TEREP_VERBOSE.
const step = startupLog(process.argv.includes('--verbose') || process.env.TEREP_VERBOSE === '1');
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
/** How long a shutdown waits for requests in flight (an import's transaction) before it cuts them. */
const SHUTDOWN_GRACE_MS = 10_000;

function positiveIntegerFromEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^[1-9]\d*$/.test(text)) {
    console.error(`Terep: ${name} must be a whole number above 0, not "${text}".`);
    process.exit(2);
  }
  return Number(text);
}

const jobs = new JobSlots({
  total: positiveIntegerFromEnv('TEREP_MAX_JOBS', DEFAULT_JOB_LIMITS.total),
  perUser: positiveIntegerFromEnv('TEREP_MAX_JOBS_PER_USER', DEFAULT_JOB_LIMITS.perUser),
});

step('server modules loaded');
const baseLoadOptions = { directory: process.env.TEREP_BASE_DATA || undefined, progress: createProgress(process.stdout) };

if (process.argv.includes(BASE_LOAD_FLAG)) {
  // The embedded first start's base load, run by the server below in a process of its own.
  const loading = await openEngine(engineOptionsFromEnv(), (name) => step(`base load process: ${name}`));
  const loaded = await ensureBaseData(loading, baseLoadOptions);
  if (loaded) console.log(formatLoadSummary(loaded));
  await loading.close();
  step('base load process: done');
  process.exit(0);
}

// Listening before the database opens: the dashboard's files and /api/health ("starting") answer at
// once, API calls wait for the app (api/src/startup/starting-app.ts).
const shell = existsSync(`${webRoot}/index.html`) ? new WebShell(`${webRoot}/index.html`) : undefined;
if (!shell) console.warn(`Terep: no web build at ${webRoot}; run "npm run build" to serve the dashboard. Serving the API only.`);
const starting = startingApp({ webRoot, shell });
const server = serve({ fetch: starting.fetch, port, hostname: host }, (info) => {
  step('listening (web app and /api/health; the API answers when the database is ready)');
  console.log(`Terep is running: http://${host === '0.0.0.0' ? 'localhost' : host}:${info.port}/`);
});
answerClientErrorsAsJson(server);
const startStep = (name: string) => {
  step(name);
  starting.step(name);
};

const baseLoad = new BaseLoadProcess();
/**
 * The embedded first start creates the database and loads the base data in a process of its own
 * (api/src/startup/base-load-process.ts): PGlite's memory grows with that work and never shrinks, so
 * this process then opens it at a reopen's size. Null while the database is the other process's.
 */
let engine: Engine | null = null;

/**
 * Ctrl-C and SIGTERM (heard from here on, so a base load's own process is stopped too): stop the
 * base load, refuse new solver jobs and stop the running ones (their plans read as interrupted),
 * stop accepting connections, let requests in flight finish within the grace, then close the
 * database so the embedded data directory is left clean. A second signal
 * exits at once; the data stays safe as after a kill (every write is one transaction).
 */
let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) {
    console.log(`Terep: ${signal} again, exiting now.`);
    process.exit(1);
  }
  stopping = true;
  console.log(`Terep: ${signal} received, stopping…`);
  jobs.stopAll();
  baseLoad.stop();
  await closeGracefully(server, SHUTDOWN_GRACE_MS);
  await engine?.close();
  console.log('Terep: stopped.');
  process.exit(0);
}
process.on('SIGINT', (signal) => void shutdown(signal));
process.on('SIGTERM', (signal) => void shutdown(signal));

const loadBaseInOwnProcess = async (): Promise<void> => {
  startStep('creating the database and loading the base data (in a process of its own)');
  await baseLoad.run().catch((error: unknown) => {
    console.error(`Terep: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
  startStep('base data loaded');
};
if (embeddedDatabaseIsNew(engineOptionsFromEnv())) await loadBaseInOwnProcess();
engine = await openEngine(engineOptionsFromEnv(), startStep);
console.log(`Terep: ${engine.kind} database at ${engine.location}`);
if (engine.kind === 'embedded' && !(await baseDataPresent(engine.db))) {
  // A first load that was stopped before it finished: the same again.
  await engine.close();
  engine = null;
  await loadBaseInOwnProcess();
  engine = await openEngine(engineOptionsFromEnv(), startStep);
} else {
  startStep('loading the base data');
  const loaded = await ensureBaseData(engine, baseLoadOptions);
  if (loaded) console.log(formatLoadSummary(loaded));
  startStep(loaded ? 'base data loaded' : 'base data present');
}

const firstAdmin = await new Accounts(engine, auth).ensureFirstAdmin();
if (firstAdmin) {
  // Printed once: on the next start a user exists and nothing is created or shown.
  const rule = '='.repeat(72);
  console.log(`\n${rule}\nTerep: first run, an administrator account was created.\n  username: ${firstAdmin.username}\n  password: ${firstAdmin.password}\nThis one-time password is shown only now: sign in and change it.\n(Lost it? npm run users -- passwd admin)\n${rule}\n`);
}

const app = createApi({ engine, auth, jobs, inlineScriptHashes: () => shell?.inlineScriptHashes() ?? [] });
if (shell) serveWeb(app, webRoot, shell);
step('ready: the API answers');
starting.ready(app);
console.log('Terep: ready.');
