import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import autocannon from 'autocannon';
import { openEngine } from '@terep/db';
import { freePort } from '../src/app-server.ts';
import { REPO_ROOT } from '../src/test-env.ts';
import { ensureTestUser, signInCookie, testUser } from '../src/test-users.ts';
import { hungaryTiles, type TileAddress } from './hungary-tiles.ts';
import type { Benchmark } from './registry.ts';

/**
 * autocannon 9 decodes every response body into a string (mcollina/autocannon#485), whether or
 * not anyone reads it; for a 55 KB binary tile that decoding was most of the load process's time
 * and capped the tile lines far below what the server answered. This bench reads no body (no
 * verifyBody, expectBody or onResponse), so the collecting is turned off: a browser does not
 * decode a tile as text either.
 */
const pipelinedRequests = createRequire(import.meta.resolve('autocannon'))('./lib/pipelinedRequestsQueue.js') as { prototype: { addBody: (data: Buffer) => void } };
pipelinedRequests.prototype.addBody = () => {};

const RESULTS_DIR = `${REPO_ROOT}.terep/bench`;
const CONNECTIONS = Number(process.env.TEREP_BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.TEREP_BENCH_SECONDS ?? 10);
/**
 * A line compared with the static file runs in rounds, each right after a static run of the same
 * length, and its ratio is the median of the rounds' ratios: on a shared machine the throughput of
 * one path moves several-fold within a minute, so only side-by-side runs compare.
 */
const ROUNDS = 3;
const STATIC = '/_app/version.json';
const FIXED_TILE = '/api/tiles/settlements/8/141/89.mvt';
/** Tiles a user looks at first (the country at z7 to z9): drawn once before the run, then served from the cache. */
const WARM_TILES = [7, 8, 9].flatMap((z) => hungaryTiles(z)).map(tilePath);
/**
 * Tiles nobody asked for yet in this run (all of z10 and z11 over the country), each asked for once:
 * every request draws its tile. (Run for a fixed time, a server that drew them all within it went on
 * serving them from its cache, and the line no longer measured drawing.)
 */
const COLD_TILES = [10, 11].flatMap((z) => hungaryTiles(z)).map(tilePath);

type EngineName = 'server' | 'embedded';

interface Figures {
  requestsPerSecond: number;
  /** For lines compared with the static file: the median of the rounds' ratios to it. */
  ratioToStatic?: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  requests: number;
}

type Results = Record<string, Figures>;

function tilePath({ z, x, y }: TileAddress): string {
  return `/api/tiles/settlements/${z}/${x}/${y}.mvt`;
}

/** The user the load signs in as (created through the accounts queries before the server starts). */
const BENCH_USER = testUser('viewer', [], 'bench');

/** What Chromium sends with every request (zstd is not offered by the server). */
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

/** A running server and the headers every request to it sends (the bench user's session cookie, the browser's encodings). */
interface Target {
  url: string;
  headers: Record<string, string>;
}

/** `npm start` as a user runs it (compiled server, web build), on its own port; the load comes from this process. */
async function startServer(engine: EngineName): Promise<Target & { stop: () => Promise<void> }> {
  const port = await freePort();
  const env: Record<string, string | undefined> = { ...process.env, PORT: String(port), HOST: '127.0.0.1' };
  if (engine === 'embedded') {
    env.DATABASE_URL = '';
    env.TEREP_DATA_DIR = process.env.TEREP_BENCH_DATA_DIR ?? `${REPO_ROOT}.terep/bench-pgdata`;
    mkdirSync(env.TEREP_DATA_DIR, { recursive: true });
  }
  // Each run starts with no kept tiles, so the cold mix is drawn during the run on both engines.
  const database = await openEngine(engine === 'embedded' ? { dataDir: env.TEREP_DATA_DIR } : { databaseUrl: process.env.DATABASE_URL });
  try {
    await database.db.deleteFrom('tile_cache').execute();
    await ensureTestUser(database, BENCH_USER);
  } finally {
    await database.close();
  }
  const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Terep is running')) resolve();
    });
  });
  const stop = () => new Promise<void>((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  try {
    // Every API line reads as a signed-in user: sign in once, then every request carries the cookie,
    // and the encodings a browser accepts (Chromium's list), as the map's requests do.
    const cookie = await signInCookie({ request: (path, init) => fetch(`${url}${path}`, init) }, BENCH_USER);
    return { url, headers: { cookie, 'accept-encoding': BROWSER_ACCEPT_ENCODING }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** One bounded run: `paths` are taken in turn across all connections; `amount` requests, else for `seconds`. */
async function load(target: Target, paths: readonly string[], connections = CONNECTIONS, seconds = SECONDS, amount?: number): Promise<Figures> {
  let next = 0;
  const started = performance.now();
  let lastAnswer = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({
      url: target.url,
      connections,
      duration: seconds,
      ...(amount === undefined ? {} : { amount }),
      timeout: 10,
      headers: target.headers,
      requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
    }, (error, finished) => (error ? reject(error) : resolve(finished)));
    if (amount !== undefined) instance.on('response', () => (lastAnswer = performance.now()));
  });
  return {
    // autocannon ends a run at its next whole-second sample, so a run of `amount` requests reads as lasting whole
    // seconds (1,633 tiles answered in 2.0 or 2.9 s both gave 817 req/s): it is timed to its last answer instead.
    requestsPerSecond: amount === undefined ? result.requests.average : result.requests.total / ((lastAnswer - started) / 1000),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/** Rounds of (static file, line), each SECONDS / ROUNDS long; the line's figures are its median round. */
async function pairedWithStatic(target: Target, paths: readonly string[]): Promise<Figures> {
  const rounds: { figures: Figures; ratio: number }[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const reference = await load(target, [STATIC], CONNECTIONS, Math.max(1, Math.round(SECONDS / ROUNDS)));
    const figures = await load(target, paths, CONNECTIONS, Math.max(1, Math.round(SECONDS / ROUNDS)));
    rounds.push({ figures, ratio: figures.requestsPerSecond / reference.requestsPerSecond });
  }
  const ratio = median(rounds.map((entry) => entry.ratio));
  const middle = rounds.find((entry) => entry.ratio === ratio)!.figures;
  const sum = (pick: (figures: Figures) => number) => rounds.reduce((total, entry) => total + pick(entry.figures), 0);
  return { ...middle, ratioToStatic: ratio, errors: sum((f) => f.errors), timeouts: sum((f) => f.timeouts), non2xx: sum((f) => f.non2xx), requests: sum((f) => f.requests) };
}

function printRow(name: string, figures: Figures): void {
  const { requestsPerSecond, p50, p99, errors, timeouts, non2xx, ratioToStatic } = figures;
  const ratioText = ratioToStatic === undefined ? '' : ratioToStatic.toFixed(2).padStart(10);
  console.log(`${name.padEnd(38)} ${requestsPerSecond.toFixed(0).padStart(7)} ${String(p50).padStart(6)} ${String(p99).padStart(6)} ${String(errors).padStart(6)} ${String(timeouts).padStart(8)} ${String(non2xx).padStart(6)}${ratioText}`);
}

function ratio(label: string, value: number, target: number): void {
  console.log(`${label.padEnd(58)} ${value.toFixed(2).padStart(6)}  (target ≥ ${target}: ${value >= target ? 'met' : 'NOT met'})`);
}

async function runEngine(engine: EngineName): Promise<Results> {
  const server = await startServer(engine);
  try {
    const get = (path: string) => fetch(`${server.url}${path}`, { headers: server.headers }).then(async (response) => {
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    });
    // Warm-up: the static file, the fixed tile and the first tiles a user sees, the catalogue and values.
    for (const path of ['/_app/version.json', FIXED_TILE, ...WARM_TILES, '/api/indicators', '/api/indicators/population?level=settlement', '/api/health']) await get(path);

    console.log(`\nengine: ${engine}; ${CONNECTIONS} connections, ${SECONDS} s per line`);
    console.log('line                                     req/s    p50    p99 errors timeouts non2xx  /static');
    const results: Results = {};
    const line = async (name: string, paths: readonly string[], comparedWithStatic = false) => {
      results[name] = comparedWithStatic ? await pairedWithStatic(server, paths) : await load(server, paths);
      printRow(name, results[name]);
    };
    await line('static /_app/version.json', [STATIC]);
    await line('tile, fixed z8 (cached, 55 KB)', [FIXED_TILE], true);
    await line(`tile mix, warm (${WARM_TILES.length} tiles z7-z9)`, WARM_TILES, true);
    await line('indicator values (3,177 settlements)', ['/api/indicators/population?level=settlement'], true);
    await line('indicator catalogue', ['/api/indicators'], true);
    await line('search', ['/api/search?q=szekesfehervar', '/api/search?q=debrecen', '/api/search?q=pecs']);
    await line('health', ['/api/health']);
    // The responsiveness of the API while the database draws tiles: health beside an uncached tile mix.
    const [cold, health] = await Promise.all([load(server, COLD_TILES, CONNECTIONS, SECONDS, COLD_TILES.length), load(server, ['/api/health'], 2)]);
    console.log(`(the cold mix and health run together: health p99 ${health.p99} ms while tiles are drawn)`);
    results[`tile mix, cold (${COLD_TILES.length} tiles z10-z11)`] = cold;
    results['health during the cold tile mix'] = health;
    printRow(`tile mix, cold (${COLD_TILES.length} tiles z10-z11)`, cold);
    printRow('health during the cold tile mix', health);
    return results;
  } finally {
    await server.stop();
  }
}

function savedResults(engine: EngineName): Results | null {
  const file = `${RESULTS_DIR}/load-${engine}.json`;
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Results) : null;
}

/** Loopback load on the API: static file, tiles, indicators, search, health; the targets of issue 12 as ratios. */
export const loadBenchmark: Benchmark = {
  description: `loopback load with autocannon (${CONNECTIONS} connections, ${SECONDS} s per line) on the embedded engine, and the server engine when DATABASE_URL is set`,
  async run() {
    // TEREP_BENCH_ENGINES=server (or embedded) runs one of them.
    const engines = (process.env.DATABASE_URL ? ['server', 'embedded'] : ['embedded'])
      .filter((engine): engine is EngineName => !process.env.TEREP_BENCH_ENGINES || process.env.TEREP_BENCH_ENGINES.split(',').includes(engine));
    mkdirSync(RESULTS_DIR, { recursive: true });
    for (const engine of engines) {
      const results = await runEngine(engine);
      writeFileSync(`${RESULTS_DIR}/load-${engine}.json`, `${JSON.stringify(results, null, 2)}\n`);
      console.log('');
      ratio(`${engine}: cached tile / static`, results['tile, fixed z8 (cached, 55 KB)']!.ratioToStatic!, 0.5);
      ratio(`${engine}: indicator values / static`, results['indicator values (3,177 settlements)']!.ratioToStatic!, 0.5);
      ratio(`${engine}: indicator catalogue / static`, results['indicator catalogue']!.ratioToStatic!, 0.5);
      const timeouts = Object.values(results).reduce((sum, figures) => sum + figures.timeouts + figures.errors, 0);
      console.log(`${`${engine}: errors and timeouts over all lines`.padEnd(58)} ${String(timeouts).padStart(6)}  (target 0)`);
    }
    const server = savedResults('server');
    const embedded = savedResults('embedded');
    if (server && embedded) {
      console.log('\nembedded vs server (from .terep/bench/load-*.json, the latest run of each):');
      for (const name of Object.keys(server).filter((key) => key.startsWith('tile mix'))) {
        if (embedded[name]) ratio(`${name}`, embedded[name].requestsPerSecond / server[name]!.requestsPerSecond, 0.5);
      }
    }
  },
};
