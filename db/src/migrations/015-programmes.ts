import { sql, type Kysely } from 'kysely';

/** The import kinds this migration adds to `import_run.kind`. */
const PROGRAMME_IMPORT_KINDS = ['programmes', 'partners', 'network-members', 'cases', 'activities'];

/**
 * Programmes, their projects and partners, the helper network and its cases (issue 15).
 *
 * Projects' action areas keep a copy of their geometry (a settlement's, a district's, a
 * segregated area's or a drawn polygon) so that overlap and distance questions are one spatial
 * join. Cases are pseudonymous: a case number the organisation chose, a settlement, a domain and
 * the help given; never a name, an address or an ethnicity. Network members are known by a member
 * code, their area of action and experience, never by name.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await extendImportKinds(db, PROGRAMME_IMPORT_KINDS);

  // The programme service palette: service types grouped as social, community and competence-development services.
  await sql`ALTER TABLE institution_type ADD COLUMN palette text CHECK (palette IN ('social', 'community', 'competence-development'))`.execute(db);
  await sql`
    INSERT INTO institution_type (key, name_hu, name_en, builtin, sort_order, palette) VALUES
      ('administration-help', 'Ügyintézési segítségnyújtás', 'Help with administration', true, 200, 'social'),
      ('debt-advice', 'Adósságkezelési tanácsadás', 'Debt advice', true, 210, 'social'),
      ('family-counselling', 'Családi tanácsadás', 'Family counselling', true, 220, 'social'),
      ('community-development', 'Közösségfejlesztés', 'Community development', true, 230, 'community'),
      ('community-programmes', 'Közösségi programok, rendezvények', 'Community programmes and events', true, 240, 'community'),
      ('club-activities', 'Klubfoglalkozások', 'Club activities', true, 250, 'community'),
      ('skills-training', 'Kompetenciafejlesztő tréning', 'Competence-development training', true, 260, 'competence-development'),
      ('digital-skills', 'Digitális készségfejlesztés', 'Digital skills development', true, 270, 'competence-development'),
      ('job-search-support', 'Álláskeresési tanácsadás', 'Job-search support', true, 280, 'competence-development'),
      ('learning-support', 'Tanulástámogatás, korrepetálás', 'Learning support and tutoring', true, 290, 'competence-development')
    ON CONFLICT (key) DO NOTHING`.execute(db);
  await sql`UPDATE institution_type SET palette = 'social' WHERE key IN ('family-child-welfare', 'street-outreach', 'mentor-programme-office')`.execute(db);
  await sql`UPDATE institution_type SET palette = 'community' WHERE key IN ('community-house')`.execute(db);
  await sql`UPDATE institution_type SET palette = 'competence-development' WHERE key IN ('after-school-programme')`.execute(db);

  await sql`
    CREATE TABLE programme (
      id serial PRIMARY KEY,
      import_id integer REFERENCES import_run (id),
      name text NOT NULL UNIQUE,
      funder text,
      call_code text,
      starts_on date,
      ends_on date,
      description text,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (starts_on IS NULL OR ends_on IS NULL OR ends_on >= starts_on)
    )`.execute(db);

  // Who coordinates a programme: they edit it beside the admins, whatever their role.
  await sql`
    CREATE TABLE programme_coordinator (
      programme_id integer NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
      user_id integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      PRIMARY KEY (programme_id, user_id)
    )`.execute(db);

  await sql`
    CREATE TABLE partner (
      id serial PRIMARY KEY,
      import_id integer REFERENCES import_run (id),
      source_row integer,
      name text NOT NULL,
      name_folded text NOT NULL UNIQUE,
      kind text NOT NULL CHECK (kind IN ('municipality', 'ngo', 'church', 'school', 'business', 'roma-self-government', 'other')),
      settlement_code char(5) NOT NULL REFERENCES settlement (code),
      contact_role text
    )`.execute(db);

  await sql`
    CREATE TABLE project (
      id serial PRIMARY KEY,
      programme_id integer NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
      import_id integer REFERENCES import_run (id),
      source_row integer,
      name text NOT NULL,
      code text,
      status text NOT NULL DEFAULT 'running' CHECK (status IN ('planned', 'running', 'completed', 'cancelled')),
      starts_on date,
      ends_on date,
      budget_huf bigint CHECK (budget_huf >= 0),
      UNIQUE (programme_id, name),
      CHECK (starts_on IS NULL OR ends_on IS NULL OR ends_on >= starts_on)
    )`.execute(db);

  await sql`
    CREATE TABLE project_partner (
      project_id integer NOT NULL REFERENCES project (id) ON DELETE CASCADE,
      partner_id integer NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('lead', 'consortium')),
      PRIMARY KEY (project_id, partner_id)
    )`.execute(db);
  // One lead per project.
  await sql`CREATE UNIQUE INDEX project_partner_lead_idx ON project_partner (project_id) WHERE role = 'lead'`.execute(db);

  await sql`
    CREATE TABLE project_service (
      project_id integer NOT NULL REFERENCES project (id) ON DELETE CASCADE,
      type_key text NOT NULL REFERENCES institution_type (key),
      PRIMARY KEY (project_id, type_key)
    )`.execute(db);

  await sql`
    CREATE TABLE project_area (
      id serial PRIMARY KEY,
      project_id integer NOT NULL REFERENCES project (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('settlement', 'district', 'segregated-area', 'polygon')),
      settlement_code char(5) REFERENCES settlement (code),
      district_code char(3) REFERENCES district (code),
      segregated_area_id integer REFERENCES segregated_area (id) ON DELETE CASCADE,
      name text NOT NULL,
      -- The counties the part lies in and the settlements it covers (their interiors overlap), fixed when it
      -- is added: regional staff edit in their counties, and the gap view asks which settlements a programme covers.
      county_codes text[] NOT NULL,
      settlement_codes text[] NOT NULL,
      geom geometry(MultiPolygon, 4326) NOT NULL,
      CHECK ((kind = 'settlement') = (settlement_code IS NOT NULL)),
      CHECK ((kind = 'district') = (district_code IS NOT NULL)),
      CHECK ((kind = 'segregated-area') = (segregated_area_id IS NOT NULL))
    )`.execute(db);

  await sql`
    CREATE TABLE project_target (
      id serial PRIMARY KEY,
      project_id integer NOT NULL REFERENCES project (id) ON DELETE CASCADE,
      indicator text NOT NULL,
      unit text,
      target double precision NOT NULL CHECK (target >= 0),
      achieved double precision CHECK (achieved >= 0),
      reported_on date,
      UNIQUE (project_id, indicator)
    )`.execute(db);

  await sql`
    CREATE TABLE activity (
      id serial PRIMARY KEY,
      project_id integer NOT NULL REFERENCES project (id) ON DELETE CASCADE,
      import_id integer REFERENCES import_run (id),
      source_row integer,
      kind text NOT NULL CHECK (kind IN ('workshop', 'training', 'supervision', 'forum', 'community-event', 'other')),
      title text,
      held_on date NOT NULL,
      settlement_code char(5) NOT NULL REFERENCES settlement (code),
      participants integer CHECK (participants >= 0)
    )`.execute(db);

  await sql`
    CREATE TABLE helper_network (
      id serial PRIMARY KEY,
      import_id integer REFERENCES import_run (id),
      name text NOT NULL,
      name_folded text NOT NULL UNIQUE,
      description text,
      programme_id integer REFERENCES programme (id) ON DELETE SET NULL
    )`.execute(db);

  await sql`
    CREATE TABLE network_partner (
      network_id integer NOT NULL REFERENCES helper_network (id) ON DELETE CASCADE,
      partner_id integer NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
      PRIMARY KEY (network_id, partner_id)
    )`.execute(db);

  await sql`
    CREATE TABLE network_member (
      id serial PRIMARY KEY,
      network_id integer NOT NULL REFERENCES helper_network (id) ON DELETE CASCADE,
      import_id integer REFERENCES import_run (id),
      source_row integer,
      member_code text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('volunteer', 'organisation-member')),
      experience text NOT NULL CHECK (experience IN ('new', 'experienced', 'mentor')),
      partner_id integer REFERENCES partner (id) ON DELETE SET NULL,
      UNIQUE (network_id, member_code)
    )`.execute(db);

  await sql`
    CREATE TABLE network_member_area (
      member_id integer NOT NULL REFERENCES network_member (id) ON DELETE CASCADE,
      settlement_code char(5) REFERENCES settlement (code),
      district_code char(3) REFERENCES district (code),
      CHECK ((settlement_code IS NULL) <> (district_code IS NULL))
    )`.execute(db);

  await sql`
    CREATE TABLE case_record (
      id serial PRIMARY KEY,
      network_id integer NOT NULL REFERENCES helper_network (id) ON DELETE CASCADE,
      import_id integer REFERENCES import_run (id),
      source_row integer,
      case_number text NOT NULL,
      settlement_code char(5) NOT NULL REFERENCES settlement (code),
      domain text NOT NULL CHECK (domain IN ('education', 'housing', 'employment', 'health', 'public-administration', 'other')),
      help text[] NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-progress', 'closed')),
      opened_on date NOT NULL,
      closed_on date,
      UNIQUE (network_id, case_number),
      CHECK (closed_on IS NULL OR closed_on >= opened_on)
    )`.execute(db);

  await sql`CREATE INDEX project_area_geom_idx ON project_area USING gist (geom)`.execute(db);
  await sql`CREATE INDEX project_area_project_idx ON project_area (project_id)`.execute(db);
  await sql`CREATE INDEX project_programme_idx ON project (programme_id)`.execute(db);
  await sql`CREATE INDEX activity_project_idx ON activity (project_id)`.execute(db);
  await sql`CREATE INDEX network_member_area_member_idx ON network_member_area (member_id)`.execute(db);
  await sql`CREATE INDEX case_record_settlement_idx ON case_record (settlement_code)`.execute(db);
  for (const table of ['programme', 'partner', 'project', 'activity', 'helper_network', 'network_member', 'case_record']) {
    await sql`CREATE INDEX ${sql.id(`${table}_import_idx`)} ON ${sql.table(table)} (import_id)`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['case_record', 'network_member_area', 'network_member', 'network_partner', 'helper_network', 'activity', 'project_target',
    'project_area', 'project_service', 'project_partner', 'project', 'partner', 'programme_coordinator', 'programme']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
  await sql`DELETE FROM institution_type WHERE palette IS NOT NULL AND sort_order >= 200`.execute(db);
  await sql`ALTER TABLE institution_type DROP COLUMN palette`.execute(db);
  await sql`DELETE FROM import_run WHERE kind IN (${sql.join(PROGRAMME_IMPORT_KINDS)})`.execute(db);
  await replaceImportKinds(db, (kinds) => kinds.filter((kind) => !PROGRAMME_IMPORT_KINDS.includes(kind)));
}

/**
 * Adds kinds to `import_run.kind`'s check. The kinds already allowed are read from the check itself
 * rather than listed here, because other migrations (the donation bank's) add theirs too, and the
 * order in which the branches' migrations run must not drop the other's kinds.
 */
async function extendImportKinds(db: Kysely<unknown>, added: readonly string[]): Promise<void> {
  await replaceImportKinds(db, (kinds) => [...new Set([...kinds, ...added])]);
}

async function replaceImportKinds(db: Kysely<unknown>, change: (kinds: string[]) => string[]): Promise<void> {
  const { rows } = await sql<{ name: string; definition: string }>`
    SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
    WHERE conrelid = 'import_run'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%kind%'`.execute(db);
  const current = rows.flatMap((row) => [...row.definition.matchAll(/'([^']+)'/g)].map((match) => match[1]!));
  for (const row of rows) await sql`ALTER TABLE import_run DROP CONSTRAINT ${sql.id(row.name)}`.execute(db);
  await sql`ALTER TABLE import_run ADD CONSTRAINT import_run_kind_check CHECK (kind IN (${sql.join(change(current).map((kind) => sql.lit(kind)))}))`.execute(db);
}
