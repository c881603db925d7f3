import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/app-server.ts';
import { REPO_ROOT } from '../src/test-env.ts';
import type { Benchmark } from './registry.ts';

/** Issue 12's start-up targets on the embedded engine. */
const TARGETS = { firstStartSeconds: 40, reopenSeconds: 3, idleRssMb: 600 };
const IDLE_MS = 15_000;
const PASSWORD = 'Terep-startup-bench-2026!';

interface StartFigures {
  firstHttp: number;
  ready: number;
  readyCpu: number;
  firstIndicator: number;
  firstTile: number;
  idleRssMb: number | null;
  steps: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One `npm start -- --verbose` on the embedded engine: when the first HTTP answer came (`/api/health`,
 * "starting" while the database opens), when the API was ready, when the first indicator read and the
 * first tile were answered (a sign-in sent as soon as the server listened, held until ready), and the
 * resident memory after 15 s idle. Seconds from the spawn.
 */
async function measureStart(dataDir: string, password: string | undefined): Promise<StartFigures> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/start.mjs', '--verbose'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', TEREP_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const seconds = () => (performance.now() - started) / 1000;
  try {
    let firstHttp: number | undefined;
    while (firstHttp === undefined) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
      try {
        await (await fetch(`${url}/api/health`)).arrayBuffer();
        firstHttp = seconds();
      } catch {
        await sleep(20);
      }
    }
    const signIn = (secret: string) => fetch(`${url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: secret }) });
    // Held by the server until the database is ready; on a first start the password is printed only then.
    let session = await signIn(password ?? '');
    // The server's output comes through a pipe of its own: it may trail the answer a little.
    const readyLine = /\[start +([\d.]+) s, cpu +([\d.]+) s, +\d+ MB\] ready/;
    for (let wait = 0; wait < 100 && !readyLine.test(output); wait += 1) await sleep(50);
    const ready = readyLine.exec(output);
    if (!ready) throw new Error(`no "ready" step in the server's output:\n${output}`);
    const oneTime = password === undefined ? /password: (\S+)/.exec(output)?.[1] : undefined;
    if (oneTime) {
      session = await signIn(oneTime);
      const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0]!;
      await fetch(`${url}/api/session/password`, { method: 'PUT', headers: { 'Content-Type': 'application/json', cookie, origin: url }, body: JSON.stringify({ currentPassword: oneTime, newPassword: PASSWORD }) });
      session = await signIn(PASSWORD);
    }
    if (session.status !== 200) throw new Error(`sign-in answered ${session.status}:\n${output}`);
    const headers = { cookie: (session.headers.get('set-cookie') ?? '').split(';')[0]! };
    const indicator = await fetch(`${url}/api/indicators/population`, { headers });
    await indicator.arrayBuffer();
    const firstIndicator = seconds();
    const tile = await fetch(`${url}/api/tiles/settlements/7/70/44.mvt`, { headers });
    await tile.arrayBuffer();
    const firstTile = seconds();
    if (!indicator.ok || !tile.ok) throw new Error(`indicator ${indicator.status}, tile ${tile.status}`);
    await sleep(IDLE_MS);
    const rss = process.platform === 'linux' ? /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] : undefined;
    return {
      firstHttp,
      ready: Number(ready[1]),
      readyCpu: Number(ready[2]),
      firstIndicator,
      firstTile,
      idleRssMb: rss ? Math.round(Number(rss) / 1024) : null,
      steps: output.split('\n').filter((line) => line.startsWith('[start')),
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
  }
}

function report(label: string, figures: StartFigures, target: number): void {
  console.log(`\n${label}: load average ${loadavg().map((value) => value.toFixed(2)).join(' / ')}`);
  for (const step of figures.steps) console.log(`  ${step}`);
  console.log(`  first HTTP answer (/api/health)   ${figures.firstHttp.toFixed(2)} s`);
  console.log(`  API ready                         ${figures.ready.toFixed(2)} s (CPU ${figures.readyCpu.toFixed(2)} s)   target < ${target} s: ${(figures.ready / target).toFixed(2)}× the target`);
  console.log(`  first indicator read answered     ${figures.firstIndicator.toFixed(2)} s (after the sign-in's password hashing)`);
  console.log(`  first tile answered               ${figures.firstTile.toFixed(2)} s`);
  console.log(`  idle RSS after ${IDLE_MS / 1000} s               ${figures.idleRssMb ?? '?'} MB   target < ${TARGETS.idleRssMb} MB`);
}

/** A first start on a fresh data directory (base data loaded), then a reopen of it, as `npm start` runs them. */
export const startupBenchmark: Benchmark = {
  description: 'npm start on the embedded engine: first start (fresh data directory) and reopen; run npm start once first so no build is timed',
  async run() {
    const dataDir = mkdtempSync(join(tmpdir(), 'terep-startup-bench-'));
    try {
      report('first start (fresh data directory, base data loaded)', await measureStart(dataDir, undefined), TARGETS.firstStartSeconds);
      report('reopen', await measureStart(dataDir, PASSWORD), TARGETS.reopenSeconds);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
