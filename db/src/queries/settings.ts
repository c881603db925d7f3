import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditActor } from '../contract/audit.ts';
import { recordAudit } from './audit.ts';
import type { Database } from '../schema.ts';
import { fromJsonb } from './jsonb.ts';

/** Every setting with its default: the organisation overrides them, the code never hard-codes them twice. */
export interface Settings {
  /** Road distance estimated as straight-line distance times this, while no road network is loaded. */
  detourFactor: number;
  /** Travel speed turning a reach in minutes into kilometres on estimated distances. */
  travelSpeedKmh: number;
  /** Segregated-area definition: minimum shares (%) of 15-59-year-olds with at most primary education / without regular work income, and minimum population. */
  segregation: { lowEducationMinShare: number; noRegularIncomeMinShare: number; minPopulation: number };
}

/** KSH's 2010 national survey counted an area as segregated where both shares exceeded 50%. */
export const DEFAULT_SETTINGS: Settings = {
  detourFactor: 1.3,
  travelSpeedKmh: 50,
  segregation: { lowEducationMinShare: 50, noRegularIncomeMinShare: 50, minPopulation: 50 },
};

type Db = Kysely<Database> | Transaction<Database>;

export async function readSettings(db: Db): Promise<Settings> {
  const rows = await db.selectFrom('setting').select(['key', 'value']).execute();
  const stored = Object.fromEntries(rows.map((row) => [row.key, fromJsonb<unknown>(row.value)]));
  return {
    ...DEFAULT_SETTINGS,
    ...stored,
    segregation: { ...DEFAULT_SETTINGS.segregation, ...(stored.segregation as Partial<Settings['segregation']> | undefined) },
  } as Settings;
}

/** Stores the given settings and answers all of them; audited with the values before and after. */
export async function writeSettings(db: Kysely<Database>, settings: Partial<Settings>, actor: AuditActor): Promise<Settings> {
  return db.transaction().execute(async (trx) => {
    const before = await readSettings(trx);
    for (const [key, value] of Object.entries(settings)) {
      if (value === undefined) continue;
      await sql`
        INSERT INTO setting (key, value) VALUES (${key}, ${JSON.stringify(value)}::jsonb)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`.execute(trx);
    }
    const after = await readSettings(trx);
    await recordAudit(trx, { actor, action: 'update', objectKind: 'settings', objectId: null, before, after });
    return after;
  });
}
