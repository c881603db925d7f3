import { sql, type Kysely } from 'kysely';

/**
 * Need signals recorded by hand (no import behind them, a user instead), kept
 * when edited or withdrawn, and the audit trail of every write.
 *
 * A withdrawn signal stays in the table (the history), marked with when and by
 * whom; every view of need (layers, heatmap, coverage, plans) reads only the
 * signals not withdrawn. The audit log names its user by id and by name, so an
 * entry stays readable after the account is disabled; it has no foreign key on
 * purpose: the log outlives what it describes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE need_signal ALTER COLUMN import_id DROP NOT NULL`.execute(db);
  await sql`ALTER TABLE need_signal ALTER COLUMN source_row DROP NOT NULL`.execute(db);
  await sql`ALTER TABLE need_signal ADD COLUMN recorded_by integer`.execute(db);
  await sql`ALTER TABLE need_signal ADD COLUMN recorded_by_name text`.execute(db);
  await sql`ALTER TABLE need_signal ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT now()`.execute(db);
  await sql`ALTER TABLE need_signal ADD COLUMN updated_at timestamptz`.execute(db);
  await sql`ALTER TABLE need_signal ADD COLUMN withdrawn_at timestamptz`.execute(db);
  await sql`ALTER TABLE need_signal ADD COLUMN withdrawn_by_name text`.execute(db);
  // Every signal came from an import or from a person: never from nowhere.
  await sql`ALTER TABLE need_signal ADD CONSTRAINT need_signal_origin CHECK (import_id IS NOT NULL OR recorded_by_name IS NOT NULL)`.execute(db);
  await sql`CREATE INDEX need_signal_active_idx ON need_signal (settlement_code) WHERE withdrawn_at IS NULL`.execute(db);

  await sql`
    CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      user_id integer,
      username text NOT NULL,
      action text NOT NULL,
      object_kind text NOT NULL,
      object_id text,
      before jsonb,
      after jsonb
    )`.execute(db);
  await sql`CREATE INDEX audit_log_at_idx ON audit_log (at)`.execute(db);
  await sql`CREATE INDEX audit_log_kind_idx ON audit_log (object_kind, at)`.execute(db);
  await sql`CREATE INDEX audit_log_user_idx ON audit_log (username, at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS audit_log`.execute(db);
  await sql`DELETE FROM need_signal WHERE import_id IS NULL`.execute(db);
  await sql`ALTER TABLE need_signal DROP CONSTRAINT need_signal_origin`.execute(db);
  await sql`DROP INDEX need_signal_active_idx`.execute(db);
  for (const column of ['recorded_by', 'recorded_by_name', 'recorded_at', 'updated_at', 'withdrawn_at', 'withdrawn_by_name']) {
    await sql`ALTER TABLE need_signal DROP COLUMN ${sql.id(column)}`.execute(db);
  }
  await sql`ALTER TABLE need_signal ALTER COLUMN import_id SET NOT NULL`.execute(db);
  await sql`ALTER TABLE need_signal ALTER COLUMN source_row SET NOT NULL`.execute(db);
}
