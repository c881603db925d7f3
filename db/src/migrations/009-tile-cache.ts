import { sql, type Kysely } from 'kysely';

/** What a data version counts changes of: the base geography (what tiles draw) and the indicators. */
export const DATA_SCOPES = ['geography', 'indicators'] as const;

/** The generalisation levels when this migration was written (later levels bring their own index). */
const LEVELS_OF_009 = [0, 8, 10, 12];

const SCOPE_TABLES: Record<(typeof DATA_SCOPES)[number], string[]> = {
  geography: ['county', 'district', 'settlement', 'settlement_part', 'boundary_generalised'],
  indicators: ['indicator', 'indicator_value'],
};

/**
 * Data versions, the persisted tile cache, and the indexes tile and indicator reads need.
 * Versions are bumped by statement triggers, so every writer (the base loader, a need index,
 * another process on the same server) invalidates the caches without knowing about them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE data_version (
      scope text PRIMARY KEY CHECK (scope IN ('geography', 'indicators')),
      version bigint NOT NULL
    )`.execute(db);
  await sql`INSERT INTO data_version (scope, version) VALUES ('geography', 1), ('indicators', 1)`.execute(db);

  await sql`
    CREATE TABLE tile_cache (
      layer text NOT NULL,
      z smallint NOT NULL,
      x integer NOT NULL,
      y integer NOT NULL,
      data_version bigint NOT NULL,
      etag text NOT NULL,
      bytes bytea NOT NULL,
      PRIMARY KEY (layer, z, x, y)
    )`.execute(db);

  // A geography change also empties the persisted tiles: they can never be served again.
  await sql`
    CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE data_version SET version = version + 1 WHERE scope = TG_ARGV[0];
      PERFORM pg_notify('terep_data_version', TG_ARGV[0]);
      IF TG_ARGV[0] = 'geography' THEN
        DELETE FROM tile_cache;
      END IF;
      RETURN NULL;
    END
    $$`.execute(db);
  for (const scope of DATA_SCOPES) {
    for (const table of SCOPE_TABLES[scope]) {
      await sql`
        CREATE TRIGGER ${sql.id(`${table}_data_version`)}
        AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(table)}
        FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version(${sql.lit(scope)})`.execute(db);
    }
  }

  // One small GiST index per layer and generalisation level, instead of one index mixing all twelve copies.
  for (const unitKind of ['settlement', 'district', 'county']) {
    for (const minZoom of LEVELS_OF_009) {
      await sql`
        CREATE INDEX ${sql.id(`boundary_generalised_${unitKind}_${minZoom}_geom_idx`)} ON boundary_generalised USING gist (geom)
        WHERE unit_kind = ${sql.lit(unitKind)} AND min_zoom = ${sql.lit(minZoom)}`.execute(db);
    }
  }
  // The catalogue and the values of one indicator are read by its key; the primary key starts with unit_kind.
  await sql`CREATE INDEX indicator_value_key_idx ON indicator_value (indicator_key, unit_kind, year)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS indicator_value_key_idx`.execute(db);
  for (const unitKind of ['settlement', 'district', 'county']) {
    for (const minZoom of LEVELS_OF_009) {
      await sql`DROP INDEX IF EXISTS ${sql.id(`boundary_generalised_${unitKind}_${minZoom}_geom_idx`)}`.execute(db);
    }
  }
  for (const scope of DATA_SCOPES) {
    for (const table of SCOPE_TABLES[scope]) await sql`DROP TRIGGER IF EXISTS ${sql.id(`${table}_data_version`)} ON ${sql.table(table)}`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS bump_data_version()`.execute(db);
  await sql`DROP TABLE IF EXISTS tile_cache`.execute(db);
  await sql`DROP TABLE IF EXISTS data_version`.execute(db);
}
