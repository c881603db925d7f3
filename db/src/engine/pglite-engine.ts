import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import type { Database } from '../schema.ts';
import type { Engine } from './engine.ts';
import { loadPGlite } from './pglite-module.ts';
import { postgisCore } from './postgis-core-bundle.ts';

/**
 * PGlite runs each query synchronously on this thread, and the dialect hands its one connection
 * to the next waiting query in a microtask: under load, queued queries ran back to back and the
 * server accepted no request and wrote no answer until the queue was empty (a tile mix starved
 * /api/health for seconds). Each query now first waits one turn of the event loop.
 */
function yieldingBetweenQueries(client: PGlite): PGlite {
  const yielding = {
    query: async (...args: Parameters<PGlite['query']>) => {
      await new Promise((resolve) => setImmediate(resolve));
      return client.query(...args);
    },
    close: () => client.close(),
  };
  // The dialect calls only query() and close().
  return yielding as unknown as PGlite;
}

export async function openEmbeddedEngine(dataDir: string): Promise<Engine> {
  const inMemory = dataDir.startsWith('memory://');
  const location = inMemory ? dataDir : resolve(dataDir);
  if (!inMemory) mkdirSync(location, { recursive: true });
  const { PGlite } = await loadPGlite();
  const client = await PGlite.create({
    dataDir: location,
    extensions: { postgis: postgisCore },
    // PostgreSQL's default 128 MB of shared buffers is initialised at start, so all of it is resident
    // in PGlite's memory from the first second (90 MB more than 32 MB, measured). The pages it would
    // keep beyond 32 MB stay in the operating system's file cache instead, and the answers read
    // most (tiles, indicator values, the catalogue, sessions) are kept in the app's memory anyway.
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'],
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(yieldingBetweenQueries(client)) });
  return {
    kind: 'embedded',
    db,
    // PGlite's PostGIS is built without protobuf-c: no ST_AsMVT / ST_AsGeobuf.
    capabilities: { asMvt: false, pgRouting: false },
    location,
    // PGlite has no other client: it hands every notification over while it returns the committing query.
    watch: (channel, watcher) => {
      void client.listen(channel, (payload) => watcher.notify(payload)).then(() => watcher.listening(true), () => watcher.listening(false));
    },
    close: () => db.destroy(),
  };
}
