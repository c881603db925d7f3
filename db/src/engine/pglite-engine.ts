import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import type { Database } from '../schema.ts';
import type { Engine } from './engine.ts';

export async function openEmbeddedEngine(dataDir: string): Promise<Engine> {
  const inMemory = dataDir.startsWith('memory://');
  const location = inMemory ? dataDir : resolve(dataDir);
  if (!inMemory) mkdirSync(location, { recursive: true });
  const client = await PGlite.create({ dataDir: location, extensions: { postgis } });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return {
    kind: 'embedded',
    db,
    // PGlite's PostGIS is built without protobuf-c: no ST_AsMVT / ST_AsGeobuf.
    capabilities: { asMvt: false, pgRouting: false },
    location,
    close: () => db.destroy(),
  };
}
