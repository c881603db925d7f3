import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { countOrganisationData, listImportRuns, openEngine, type Engine, type OrganisationDataCounts } from '@terep/db';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { startAppServer, type RunningServer } from '../src/app-server.ts';
import { databaseUrl, TEST_PGLITE_DIR, TEST_STATE_DIR } from '../src/test-env.ts';
import { ensureTestUser, signInCookie, testUser } from '../src/test-users.ts';

/**
 * Killing the server during an import or a need-signal write (SIGKILL: no chance to clean up) or
 * stopping it (SIGTERM, as Ctrl-C) leaves the data as before the write or with the whole write,
 * never a part; the embedded data directory reopens and the server answers again. A child
 * process per start; the requests are an admin's (signed in through the server itself).
 */

/** The admin the requests are sent as: created in the data before each server starts. */
const ADMIN = testUser('admin', [], 'shutdown');

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

/** Before a test's first server starts: the embedded engine gets a fresh copy of the test data, and the admin is made. */
async function prepare(target: Target): Promise<void> {
  if (target.walDir) {
    const dataDir = target.env.TEREP_DATA_DIR!;
    rmSync(dataDir, { recursive: true, force: true });
    cpSync(TEST_PGLITE_DIR, dataDir, { recursive: true });
  }
  const engine = await target.open();
  try {
    await ensureTestUser(engine, ADMIN);
  } finally {
    await engine.close();
  }
}

async function snapshot(target: Target): Promise<{ counts: OrganisationDataCounts; imports: number[] }> {
  const engine = await target.open();
  try {
    return { counts: await countOrganisationData(engine.db), imports: (await listImportRuns(engine.db)).map((run) => run.id) };
  } finally {
    await engine.close();
  }
}

/** The admin's session cookie on a running server. */
function signIn(server: RunningServer): Promise<string> {
  return signInCookie({ request: (path, init) => fetch(`${server.url}${path}`, init) }, ADMIN);
}

type Answer = { status: number; written: number } | 'cut';

/** Posts the import and resolves once its whole body has been handed to the socket; `answer` settles with the outcome or the cut. */
function sendImport(server: RunningServer, cookie: string, csv: string): Promise<{ answer: Promise<Answer> }> {
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

  it('SIGKILL mid-import: the data is as before, the data directory reopens, the server answers', async () => {
    await prepare(target);
    const before = await snapshot(target);
    const server = await start();
    const cookie = await signIn(server);
    const since = target.walDir ? newestWrite(target.walDir) : 0;
    const { answer } = await sendImport(server, cookie, csv);
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
    await prepare(target);
    const before = await snapshot(target);
    const server = await start();
    const { answer } = await sendImport(server, await signIn(server), csv);
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

/** Need signals sent at once, so that some are still being written when the server is killed. */
const SIGNAL_WRITES = 300;
const ORGANISATION = 'Teszt leállítás (szintetikus)';

interface SignalTrail {
  /** The test's signals by id, with their households. */
  signals: Map<number, number | null>;
  /** Ids of the test's signals the audit trail records as created, and with which households. */
  audited: Map<number, number | null>;
}

/** The test's signals and their audit entries, read after the server is gone. */
async function signalTrail(target: Target): Promise<SignalTrail> {
  const engine = await target.open();
  try {
    const { rows: signals } = await sql<{ id: number; households: number | null }>`
      SELECT id, households FROM need_signal WHERE organisation = ${ORGANISATION}`.execute(engine.db);
    const { rows: audited } = await sql<{ id: string; households: number | null }>`
      SELECT object_id AS id, (after->>'households')::int AS households FROM audit_log
      WHERE object_kind = 'need-signal' AND action = 'create' AND after->>'organisation' = ${ORGANISATION}`.execute(engine.db);
    return {
      signals: new Map(signals.map((row) => [Number(row.id), row.households])),
      audited: new Map(audited.map((row) => [Number(row.id), row.households])),
    };
  } finally {
    await engine.close();
  }
}

/** Leaves the server's database as the test found it; the embedded one is a fresh copy for each run. */
async function removeTestSignals(target: Target): Promise<void> {
  if (target.walDir) return;
  const engine = await target.open();
  try {
    await sql`DELETE FROM need_signal WHERE organisation = ${ORGANISATION}`.execute(engine.db);
  } finally {
    await engine.close();
  }
}

describe.each(targets())('killing the server during need-signal writes on $name', (target) => {
  const started: RunningServer[] = [];
  afterEach(async () => {
    for (const server of started.splice(0)) await server.kill('SIGKILL');
    await removeTestSignals(target);
  });

  it('SIGKILL with writes in flight: every signal is there with its audit entry or not at all, and the data reopens', async () => {
    await prepare(target);
    await removeTestSignals(target);
    const before = await snapshot(target);
    const server = await startAppServer(target.env);
    started.push(server);
    const cookie = await signIn(server);

    // Households 5..304 tell the writes apart; the server is killed as soon as the first is answered.
    let firstAnswer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (firstAnswer = resolve));
    const writes = Array.from({ length: SIGNAL_WRITES }, async (_, index): Promise<{ id: number } | 'cut' | number> => {
      const body = { settlementCode: '24244', category: 'food', urgency: 'high', households: 5 + index, date: '2026-12-01', organisation: ORGANISATION };
      try {
        const response = await fetch(`${server.url}/api/need-signals`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', Cookie: cookie } });
        if (response.status !== 201) return response.status;
        const created = (await response.json()) as { id: number };
        firstAnswer();
        return created;
      } catch {
        return 'cut';
      }
    });
    await Promise.race([answered, Promise.all(writes)]);
    expect(await server.kill('SIGKILL')).toBeNull();
    const outcomes = await Promise.all(writes);
    const confirmed = outcomes.filter((outcome): outcome is { id: number } => typeof outcome === 'object');
    expect(outcomes.filter((outcome) => typeof outcome === 'number'), 'refused writes').toEqual([]);
    expect(confirmed.length).toBeGreaterThan(0);
    // The kill came with writes still in flight, or the test tried nothing.
    expect(outcomes.filter((outcome) => outcome === 'cut').length).toBeGreaterThan(0);

    const trail = await signalTrail(target);
    // Never a signal without its audit entry or an entry without its signal, and each with the values sent.
    expect([...trail.audited.entries()].sort()).toEqual([...trail.signals.entries()].sort());
    for (const households of trail.signals.values()) expect(households).toBeGreaterThanOrEqual(5);
    // Every write the server confirmed is kept; the unconfirmed ones are whole or absent.
    for (const { id } of confirmed) expect(trail.signals.has(id), `signal #${id}`).toBe(true);
    expect(trail.signals.size).toBeLessThanOrEqual(SIGNAL_WRITES);
    // Nothing else changed: the imports and the other organisation data are as before.
    expect(await snapshot(target)).toEqual({ ...before, counts: { ...before.counts, need_signal: before.counts.need_signal + trail.signals.size } });

    const again = await startAppServer(target.env);
    started.push(again);
    expect((await fetch(`${again.url}/api/health`)).status).toBe(200);
    expect(await again.kill('SIGTERM')).toBe(0);
  }, TIMEOUT_MS);
});
