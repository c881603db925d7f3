import { sql } from 'kysely';
import { ensureBaseData } from '@terep/data-import';
import { migrateToLatest, MigrationError, type Engine } from '@terep/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineCases } from '../src/engines.ts';

describe.each(engineCases())('opening a migrated, loaded database on $name', ({ name, open }) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
  });
  afterAll(async () => engine?.close());

  it('records every migration, and migrating again changes nothing', async () => {
    const count = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM kysely_migration`.execute(engine.db)).rows[0]!.n;
    const before = await count();
    await migrateToLatest(engine.db);
    expect(await count()).toBe(before);
  });

  it('still refuses a database that records a migration this code does not know', async () => {
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('999-from-a-newer-terep', '2026-12-04T00:00:00.000Z')`.execute(engine.db);
    try {
      await expect(migrateToLatest(engine.db)).rejects.toBeInstanceOf(MigrationError);
    } finally {
      await sql`DELETE FROM kysely_migration WHERE name = '999-from-a-newer-terep'`.execute(engine.db);
    }
  });

  it('finds the base data present and loads nothing', async () => {
    expect(await ensureBaseData(engine)).toBeNull();
  });

  it.runIf(name === 'pglite')('has PostGIS with PROJ (the core of the extension bundle is enough)', async () => {
    const { rows } = await sql<{ x: number; y: number }>`
      SELECT round(ST_X(p))::int AS x, round(ST_Y(p))::int AS y
      FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(19, 47), 4326), 3857) AS p) AS projected`.execute(engine.db);
    expect(rows[0]).toEqual({ x: 2115070, y: 5942074 });
  });
});
