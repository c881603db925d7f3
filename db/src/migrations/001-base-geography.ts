import { sql, type Kysely } from 'kysely';

/**
 * Administrative units, their generalised boundaries, settlement parts and
 * indicator values. Plain PostGIS SQL so that a Citus cluster can host it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS postgis`.execute(db);

  await sql`
    CREATE TABLE county (
      code char(2) PRIMARY KEY,
      name text NOT NULL,
      name_folded text NOT NULL,
      geom geometry(MultiPolygon, 4326) NOT NULL,
      label_point geometry(Point, 4326) NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE district (
      code char(3) PRIMARY KEY,
      name text NOT NULL,
      name_folded text NOT NULL,
      seat_name text NOT NULL,
      county_code char(2) NOT NULL REFERENCES county (code),
      geom geometry(MultiPolygon, 4326) NOT NULL,
      label_point geometry(Point, 4326) NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE settlement (
      code char(5) PRIMARY KEY,
      name text NOT NULL,
      name_folded text NOT NULL,
      legal_status text NOT NULL,
      county_code char(2) NOT NULL REFERENCES county (code),
      district_code char(3) NOT NULL REFERENCES district (code),
      population_2024 integer NOT NULL CHECK (population_2024 >= 0),
      area_ha integer NOT NULL CHECK (area_ha >= 0),
      dwellings integer NOT NULL CHECK (dwellings >= 0),
      roma_self_government boolean NOT NULL,
      postcodes text[] NOT NULL,
      geom geometry(MultiPolygon, 4326) NOT NULL,
      label_point geometry(Point, 4326) NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE settlement_part (
      settlement_code char(5) NOT NULL REFERENCES settlement (code),
      seq integer NOT NULL,
      name text NOT NULL,
      part_type text NOT NULL,
      outskirt_kind text,
      postcode text,
      distance_km double precision,
      population_2011 integer,
      dwellings_2011 integer,
      PRIMARY KEY (settlement_code, seq)
    )`.execute(db);

  await sql`
    CREATE TABLE indicator (
      key text PRIMARY KEY,
      title_hu text NOT NULL,
      title_en text NOT NULL,
      unit_hu text NOT NULL,
      unit_en text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('numeric', 'category')),
      need_direction smallint NOT NULL CHECK (need_direction IN (-1, 0, 1)),
      source text NOT NULL,
      attribution text NOT NULL,
      categories jsonb,
      sort_order integer NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE indicator_value (
      unit_kind text NOT NULL CHECK (unit_kind IN ('settlement', 'district', 'county')),
      unit_code text NOT NULL,
      indicator_key text NOT NULL REFERENCES indicator (key),
      year integer NOT NULL,
      value double precision NOT NULL,
      source text NOT NULL,
      -- true where a settlement shows its district's value (e.g. the 290/2014 district index)
      from_district boolean NOT NULL DEFAULT false,
      PRIMARY KEY (unit_kind, indicator_key, year, unit_code)
    )`.execute(db);

  await sql`
    CREATE TABLE boundary_generalised (
      unit_kind text NOT NULL CHECK (unit_kind IN ('settlement', 'district', 'county')),
      code text NOT NULL,
      min_zoom smallint NOT NULL,
      geom geometry(MultiPolygon, 4326) NOT NULL,
      PRIMARY KEY (unit_kind, min_zoom, code)
    )`.execute(db);

  for (const table of ['county', 'district', 'settlement', 'boundary_generalised']) {
    await sql`CREATE INDEX ${sql.id(`${table}_geom_idx`)} ON ${sql.table(table)} USING gist (geom)`.execute(db);
  }
  await sql`CREATE INDEX settlement_label_point_idx ON settlement USING gist (label_point)`.execute(db);
  await sql`CREATE INDEX settlement_district_idx ON settlement (district_code)`.execute(db);
  await sql`CREATE INDEX settlement_county_idx ON settlement (county_code)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['boundary_generalised', 'indicator_value', 'indicator', 'settlement_part', 'settlement', 'district', 'county']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
