import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../schema.ts';
import type { Engine } from './engine.ts';
import { PgNotifications } from './pg-notifications.ts';

// node-pg returns int8 (count(*), sum(int)) and numeric as strings while PGlite
// returns numbers; parse both here so the two engines give the same types.
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const DATE_OID = 1082;
const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    // A calendar date has no time zone: keep it as its ISO text rather than a local-midnight Date.
    if (oid === DATE_OID) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export async function openServerEngine(databaseUrl: string): Promise<Engine> {
  const pool = new pg.Pool({ connectionString: databaseUrl, types: typeParsers, max: 8 });
  const notifications = new PgNotifications(pool, { connectionString: databaseUrl });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const { rows } = await sql<{ has_mvt: boolean }>`
    SELECT EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'st_asmvt') AS has_mvt`.execute(db);
  return {
    kind: 'server',
    db,
    capabilities: { asMvt: rows[0]?.has_mvt ?? false, pgRouting: false },
    location: redactUrl(databaseUrl),
    watch: (channel, watcher) => notifications.watch(channel, watcher),
    close: async () => {
      await notifications.close();
      await db.destroy();
    },
  };
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}
