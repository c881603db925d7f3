import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { countOrganisationData, listImportRuns, openEngine, type Engine, type OrganisationDataCounts } from '@terep/db';
import { afterEach, describe, expect, it } from 'vitest';
import { startAppServer, type RunningServer } from '../src/app-server.ts';
import { databaseUrl, TEST_PGLITE_DIR, TEST_STATE_DIR } from '../src/test-env.ts';
import { ensureTestUser, signInCookie, testUser } from '../src/test-users.ts';

/**
 * Killing the server during an import (SIGKILL: no chance to clean up) or stopping it (SIGTERM,
 * as Ctrl-C) leaves the data as before the import or with the whole import, never a part; the
 * embedded data directory reopens and the server answers again. A child process per start.
 */

/** 20,000 synthetic institutions on a grid in central Hungary: large enough that its write takes a while. */
const ROWS = 20_000;
function institutionsCsv(): string {
  const lines = ['név;típus;lon;lat;férőhely'];
  for (let index = 0; index < ROWS; index += 1) {
    const lon = 18.6 + (index % 200) * 0.009;
    const lat = 46.7 + Math.floor(index / 200) * 0.009;
    lines.push(`Teszt intézmény ${index + 1} (szintetikus);Idősek klubja;${lon.toFixed(4)};${lat.toFixed(4)};20`);
  }
  return lines.join('\n');
}

interface Target {
  name: string;
  /** The environment of a server on this engine's data. */
  env: Record<string, string>;
  open(): Promise<Engine>;
  /** Where the embedded engine writes its log ahead of the data, to see that the import's write began. */
  walDir?: string;
}

function targets(): Target[] {
  const dataDir = `${TEST_STATE_DIR}/pglite-shutdown`;
  const list: Target[] = [
    // DATABASE_URL emptied: the child inherits this process's environment, and a URL would win over the directory.
    { name: 'pglite', env: { TEREP_DATA_DIR: dataDir, DATABASE_URL: '' }, open: () => openEngine({ dataDir }), walDir: `${dataDir}/pg_wal` },
  ];
  const url = databaseUrl();
  if (url) list.push({ name: 'postgis-server', env: { DATABASE_URL: url }, open: () => openEngine({ databaseUrl: url }) });
  return list;
}

async function snapshot(target: Target): Promise<{ counts: OrganisationDataCounts; imports: number[] }> {
  const engine = await target.open();
  try {
    return { counts: await countOrganisationData(engine.db), imports: (await listImportRuns(engine.db)).map((run) => run.id) };
  } finally {
    await engine.close();
  }
}

/** The admin who imports, lists and rolls back (created through the accounts queries while no server holds the data). */
const ADMIN = testUser('admin');

async function ensureAdmin(target: Target): Promise<void> {
  const engine = await target.open();
  try {
    await ensureTestUser(engine, ADMIN);
  } finally {
    await engine.close();
  }
}

/** The session cookie of the admin signed in on `server`. */
function signIn(server: RunningServer): Promise<string> {
  return signInCookie({ request: (path, init) => fetch(`${server.url}${path}`, init) }, ADMIN);
}

type Answer = { status: number; written: number } | 'cut';

/** Posts the import and resolves once its whole body has been handed to the socket; `answer` settles with the outcome or the cut. */
async function sendImport(server: RunningServer, csv: string): Promise<{ answer: Promise<Answer> }> {
  const cookie = await signIn(server);
  const boundary = 'terep-shutdown-test';
  const body = Buffer.from(
    [
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="intezmenyek.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="dryRun"\r\n\r\nfalse\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="policy"\r\n\r\nskip-invalid\r\n`,
      `--${boundary}--\r\n`,
    ].join(''),
  );
  return new Promise((resolve, reject) => {
    let settle: (value: Answer) => void = () => undefined;
    const answer = new Promise<Answer>((done) => (settle = done));
    const outgoing = request(`${server.url}/api/imports/institutions`, {
      method: 'POST',
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': body.byteLength, Cookie: cookie },
    });
    outgoing.on('response', (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => settle({ status: response.statusCode ?? 0, written: (JSON.parse(text) as { written?: number }).written ?? 0 }));
      response.on('error', () => settle('cut'));
    });
    outgoing.on('error', () => settle('cut'));
    outgoing.on('finish', () => resolve({ answer }));
    outgoing.once('error', reject);
    outgoing.end(body);
  });
}

function newestWrite(directory: string): number {
  return Math.max(0, ...readdirSync(directory).map((name) => statSync(`${directory}/${name}`).mtimeMs));
}

/** Resolves when the embedded engine has written its log since `since` (the import's transaction is under way). */
async function walWritten(directory: string, since: number): Promise<void> {
  while (newestWrite(directory) <= since) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Two server starts, an import and a restart: minutes on a loaded 2-core machine. */
const TIMEOUT_MS = 600_000;

describe.each(targets())('stopping the server during an import on $name', (target) => {
  const csv = institutionsCsv();
  const started: RunningServer[] = [];
  const start = async (): Promise<RunningServer> => {
    const server = await startAppServer(target.env);
    started.push(server);
    return server;
  };
  // A failed test must not leave a server on the data directory the next test copies over.
  afterEach(async () => {
    for (const server of started.splice(0)) await server.kill('SIGKILL');
  });

  const fresh = (): void => {
    if (!target.walDir) return;
    const dataDir = target.env.TEREP_DATA_DIR!;
    rmSync(dataDir, { recursive: true, force: true });
    cpSync(TEST_PGLITE_DIR, dataDir, { recursive: true });
  };

  it('SIGKILL mid-import: the data is as before, the data directory reopens, the server answers', async () => {
    fresh();
    await ensureAdmin(target);
    const before = await snapshot(target);
    const server = await start();
    const since = target.walDir ? newestWrite(target.walDir) : 0;
    const { answer } = await sendImport(server, csv);
    if (target.walDir) {
      await Promise.race([
        walWritten(target.walDir, since),
        answer.then((outcome) => {
          throw new Error(`the import answered (${JSON.stringify(outcome)}) before its write was seen:\n${server.output()}`);
        }),
      ]);
    }
    expect(await server.kill('SIGKILL')).toBeNull();
    expect(await answer).toBe('cut');

    const again = await start();
    try {
      expect((await fetch(`${again.url}/api/health`)).status).toBe(200);
      const imports = (await (await fetch(`${again.url}/api/imports`, { headers: { Cookie: await signIn(again) } })).json()) as { imports: { id: number }[] };
      expect(imports.imports.map((run) => run.id)).toEqual(before.imports);
    } finally {
      expect(await again.kill('SIGTERM')).toBe(0);
    }
    expect(await snapshot(target)).toEqual(before);
  }, TIMEOUT_MS);

  it.each(['SIGTERM', 'SIGINT'] as const)('%s mid-import: the import finishes or leaves nothing, the server exits cleanly and reopens', async (signal) => {
    fresh();
    await ensureAdmin(target);
    const before = await snapshot(target);
    const server = await start();
    const { answer } = await sendImport(server, csv);
    expect(await server.kill(signal), server.output()).toBe(0);
    const outcome = await answer;
    const after = await snapshot(target);
    if (outcome !== 'cut' && outcome.status === 201) {
      // The request in flight was let finish: the whole import is there (rows off the map are skipped by the policy).
      expect(outcome.written).toBeGreaterThan(ROWS * 0.99);
      expect(after.counts).toEqual({ ...before.counts, institution: before.counts.institution + outcome.written, import_run: before.counts.import_run + 1 });
    } else {
      expect(after).toEqual(before);
    }
    const again = await start();
    try {
      expect((await fetch(`${again.url}/api/health`)).status).toBe(200);
      const added = after.imports.filter((id) => !before.imports.includes(id));
      const cookie = await signIn(again);
      for (const id of added) expect((await fetch(`${again.url}/api/imports/${id}`, { method: 'DELETE', headers: { Cookie: cookie } })).status).toBe(200);
    } finally {
      expect(await again.kill('SIGTERM')).toBe(0);
    }
  }, TIMEOUT_MS);
});
