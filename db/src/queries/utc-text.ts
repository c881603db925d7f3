import { sql, type RawBuilder } from 'kysely';

/** A timestamptz column as the API's UTC text, e.g. 2026-11-30T09:15:00Z (same on both engines, whatever the session's time zone). */
export const utcText = (column: string): RawBuilder<string> =>
  sql<string>`to_char(${sql.ref(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
