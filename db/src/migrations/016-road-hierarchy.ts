import { sql, type Kysely } from 'kysely';

/**
 * Geofabrik's roads shapefile as a road source, and the contraction
 * hierarchies built on the loaded network. A hierarchy takes minutes to build
 * on a country's network and a restart must not rebuild it, so it is kept here,
 * one per network load and metric, as the application's own binary layout
 * (api/src/network/hierarchy-store.ts) cut into parts (bytea values stay small
 * enough for both engines to move in one piece). Loading or removing a network
 * deletes them with the graph they were built on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE road_network DROP CONSTRAINT road_network_format_check`.execute(db);
  await sql`ALTER TABLE road_network ADD CONSTRAINT road_network_format_check CHECK (format IN ('osm-pbf', 'geojson', 'shapefile'))`.execute(db);
  await sql`
    CREATE TABLE road_hierarchy (
      network_id integer NOT NULL REFERENCES road_network (id) ON DELETE CASCADE,
      metric text NOT NULL CHECK (metric IN ('seconds', 'metres')),
      part integer NOT NULL CHECK (part >= 0),
      bytes bytea NOT NULL,
      built_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (network_id, metric, part)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS road_hierarchy`.execute(db);
  await sql`DELETE FROM road_network WHERE format = 'shapefile'`.execute(db);
  await sql`ALTER TABLE road_network DROP CONSTRAINT road_network_format_check`.execute(db);
  await sql`ALTER TABLE road_network ADD CONSTRAINT road_network_format_check CHECK (format IN ('osm-pbf', 'geojson'))`.execute(db);
}
