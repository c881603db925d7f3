import { sql } from 'kysely';
import { LISTENER_APPLICATION_NAME, openEngine, type DataVersions, type Engine } from '@terep/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataVersionReader } from '../../api/src/data-versions/data-version-reader.ts';
import { databaseUrl } from '../src/test-env.ts';
import { engineCases } from '../src/engines.ts';
import { eventually } from '../src/eventually.ts';

/**
 * Moves the indicators' version as no writer does: straight in the versions table, which has no
 * trigger and so sends no notification. A reader that keeps its versions does not see it.
 */
async function bumpSilently(engine: Engine): Promise<void> {
  await sql`UPDATE data_version SET version = version + 1 WHERE scope = 'indicators'`.execute(engine.db);
}

/** Whether the reader answers from memory: a silent change is not seen. */
async function keeps(engine: Engine, reader: DataVersionReader): Promise<boolean> {
  const before = await reader.current();
  await bumpSilently(engine);
  return (await reader.current()).indicators === before.indicators;
}

/** A write to the base geography, as an import makes: the statement trigger bumps its version and notifies. */
async function touchGeography(engine: Engine): Promise<void> {
  await engine.db.updateTable('county').set((eb) => ({ name: eb.ref('name') })).where('code', '=', '01').execute();
}

describe.each(engineCases())('data versions on $name', ({ name, open }) => {
  let engine: Engine;
  let reader: DataVersionReader;
  beforeAll(async () => {
    engine = await open();
    reader = new DataVersionReader(engine);
    await eventually('the reader keeps the versions once it listens', () => keeps(engine, reader));
  });
  afterAll(async () => engine?.close());

  it('answers from memory, and drops the versions at the commit of a write of this process', async () => {
    expect(await keeps(engine, reader)).toBe(true);
    const before: DataVersions = await reader.current();
    await touchGeography(engine);
    // No wait: the notification of this process's own commit arrived before the commit returned.
    expect((await reader.current()).geography).toBeGreaterThan(before.geography);
  });

  it.skipIf(name !== 'postgis-server')('hears a write of another process on the same server', async () => {
    const other = await openEngine({ databaseUrl: databaseUrl()! });
    try {
      const before = await reader.current();
      await touchGeography(other);
      await eventually('the other process\'s write is seen', async () => (await reader.current()).geography > before.geography);
      expect(await keeps(engine, reader)).toBe(true);
    } finally {
      await other.close();
    }
  });

  it.skipIf(name !== 'postgis-server')('hears each notification once, however many pooled connections listen', async () => {
    const heard: string[] = [];
    engine.watch('terep_data_version', { notify: (payload) => heard.push(`notify ${payload}`), listening: () => {} });
    // Several pooled connections, all listening and idle afterwards.
    await Promise.all(Array.from({ length: 4 }, () => sql`SELECT pg_sleep(0.05)`.execute(engine.db)));
    const other = await openEngine({ databaseUrl: databaseUrl()! });
    try {
      await sql`NOTIFY terep_data_version, 'e2e-other'`.execute(other.db);
      await eventually('the other process\'s notification is heard', async () => heard.includes('notify e2e-other'));
      await sql`NOTIFY terep_data_version, 'e2e-own'`.execute(engine.db);
      // Copies from the other connections would come after the commit returned: given time to.
      await sql`SELECT pg_sleep(0.3)`.execute(engine.db);
      expect(heard).toEqual(['notify e2e-other', 'notify e2e-own']);
    } finally {
      await other.close();
    }
  });

  it.skipIf(name !== 'postgis-server')('reads the versions on every request while its listening connection is down, and keeps them again once it is back', async () => {
    const { rows } = await sql<{ ended: boolean }>`
      SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
      WHERE application_name = ${LISTENER_APPLICATION_NAME} AND datname = current_database() AND pid <> pg_backend_pid()`.execute(engine.db);
    expect(rows.length).toBeGreaterThan(0);
    // Until it listens again a change may go unannounced, so a silent one must be seen.
    await eventually('a silent change is seen while not listening', async () => {
      const before = await reader.current();
      await bumpSilently(engine);
      return (await reader.current()).indicators > before.indicators;
    });
    await eventually('the reader keeps the versions again once it listens again', () => keeps(engine, reader));
  });
});
