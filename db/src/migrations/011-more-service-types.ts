import { sql, type Kysely } from 'kysely';

/**
 * Service types organisations name in their files that the first list lacked: after-school
 * programmes (tanoda), support services for people with disabilities, and the homeless services
 * (day shelters, night shelters, temporary hostels).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    INSERT INTO institution_type (key, name_hu, name_en, builtin, sort_order) VALUES
      ('after-school-programme', 'Tanoda', 'After-school programme (tanoda)', true, 130),
      ('support-service', 'Támogató szolgálat', 'Support service for people with disabilities', true, 140),
      ('day-shelter', 'Nappali melegedő', 'Day shelter', true, 150),
      ('night-shelter', 'Éjjeli menedékhely', 'Night shelter', true, 160),
      ('temporary-hostel', 'Hajléktalanok átmeneti szállása', 'Temporary hostel for homeless people', true, 170)
    ON CONFLICT (key) DO NOTHING`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM institution_type WHERE key IN ('after-school-programme', 'support-service', 'day-shelter', 'night-shelter', 'temporary-hostel')`.execute(db);
}
