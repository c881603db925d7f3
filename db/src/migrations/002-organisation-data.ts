import { sql, type Kysely } from 'kysely';

/**
 * The organisations' own data: institutions, warehouses, segregated areas and
 * aggregated need signals, each row tied to the import that brought it so an
 * import can be rolled back as a unit. Need signals hold counts per settlement
 * only: never a name, never a person's ethnicity.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE import_run (
      id serial PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('institutions', 'warehouses', 'segregated-areas', 'need-signals')),
      file_name text NOT NULL,
      imported_by text NOT NULL,
      imported_at timestamptz NOT NULL DEFAULT now(),
      row_count integer NOT NULL,
      imported_count integer NOT NULL,
      skipped_count integer NOT NULL,
      warning_count integer NOT NULL,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'rolled-back')),
      rolled_back_at timestamptz
    )`.execute(db);

  await sql`
    CREATE TABLE institution_type (
      key text PRIMARY KEY,
      name_hu text NOT NULL,
      name_en text NOT NULL,
      builtin boolean NOT NULL DEFAULT false,
      sort_order integer NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE institution (
      id serial PRIMARY KEY,
      import_id integer NOT NULL REFERENCES import_run (id),
      source_row integer NOT NULL,
      name text NOT NULL,
      type_key text NOT NULL REFERENCES institution_type (key),
      address text,
      settlement_code char(5) NOT NULL REFERENCES settlement (code),
      capacity integer CHECK (capacity >= 0),
      operator text,
      geom geometry(Point, 4326) NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE warehouse (
      id serial PRIMARY KEY,
      import_id integer NOT NULL REFERENCES import_run (id),
      source_row integer NOT NULL,
      name text NOT NULL,
      address text,
      settlement_code char(5) NOT NULL REFERENCES settlement (code),
      county_code char(2) NOT NULL REFERENCES county (code),
      capacity double precision CHECK (capacity >= 0),
      geom geometry(Point, 4326) NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE segregated_area (
      id serial PRIMARY KEY,
      import_id integer NOT NULL REFERENCES import_run (id),
      source_row integer NOT NULL,
      name text NOT NULL,
      settlement_code char(5) NOT NULL REFERENCES settlement (code),
      population integer CHECK (population >= 0),
      low_education_share double precision CHECK (low_education_share BETWEEN 0 AND 100),
      no_regular_income_share double precision CHECK (no_regular_income_share BETWEEN 0 AND 100),
      source text,
      year integer,
      repaired boolean NOT NULL DEFAULT false,
      geom geometry(MultiPolygon, 4326) NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE need_signal (
      id serial PRIMARY KEY,
      import_id integer NOT NULL REFERENCES import_run (id),
      source_row integer NOT NULL,
      settlement_code char(5) NOT NULL REFERENCES settlement (code),
      category text NOT NULL CHECK (category IN ('food', 'heating', 'clothing', 'health', 'housing', 'child-welfare', 'debt', 'other')),
      urgency text NOT NULL CHECK (urgency IN ('low', 'medium', 'high', 'critical')),
      households integer CHECK (households >= 0),
      persons integer CHECK (persons >= 0),
      reported_on date NOT NULL,
      organisation text NOT NULL,
      CHECK (households IS NOT NULL OR persons IS NOT NULL)
    )`.execute(db);

  for (const table of ['institution', 'warehouse', 'segregated_area']) {
    await sql`CREATE INDEX ${sql.id(`${table}_geom_idx`)} ON ${sql.table(table)} USING gist (geom)`.execute(db);
  }
  for (const table of ['institution', 'warehouse', 'segregated_area', 'need_signal']) {
    await sql`CREATE INDEX ${sql.id(`${table}_import_idx`)} ON ${sql.table(table)} (import_id)`.execute(db);
    await sql`CREATE INDEX ${sql.id(`${table}_settlement_idx`)} ON ${sql.table(table)} (settlement_code)`.execute(db);
  }

  // The controlled list of service types; an admin may add more (builtin = false).
  await sql`
    INSERT INTO institution_type (key, name_hu, name_en, builtin, sort_order) VALUES
      ('family-child-welfare', 'Családsegítő és gyermekjóléti szolgálat', 'Family and child welfare service', true, 10),
      ('family-day-care', 'Családi napközi', 'Family day care', true, 20),
      ('temporary-family-home', 'Családok átmeneti otthona', 'Temporary home for families', true, 30),
      ('elderly-day-care', 'Idősek nappali ellátása (Idősek klubja)', 'Elderly day care', true, 40),
      ('home-help', 'Házi segítségnyújtás', 'Home help', true, 50),
      ('addiction-community-care', 'Szenvedélybetegek közösségi ellátása', 'Community care for addicts', true, 60),
      ('street-outreach', 'Utcai szociális munka', 'Street outreach', true, 70),
      ('social-kitchen', 'Szociális konyha / étkeztetés', 'Social kitchen', true, 80),
      ('farmstead-caretaker', 'Tanyagondnoki szolgálat', 'Farmstead caretaker service', true, 90),
      ('village-caretaker', 'Falugondnoki szolgálat', 'Village caretaker service', true, 100),
      ('community-house', 'Közösségi ház', 'Community house', true, 110),
      ('mentor-programme-office', 'Mentorprogram iroda', 'Mentor programme office', true, 120)
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['need_signal', 'segregated_area', 'warehouse', 'institution', 'institution_type', 'import_run']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
