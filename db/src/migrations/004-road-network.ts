import { sql, type Kysely } from 'kysely';

/**
 * The road graph: junctions and dead ends as nodes, the road between two of
 * them as an edge carrying its drawn geometry, length and driving times in both
 * directions (pgRouting's convention: a negative cost means "not drivable this
 * way"). One network is loaded at a time; `road_network` keeps the history of
 * loads. It is not an `import_run`: rolling back an import removes that
 * import's rows and keeps the others, while loading a network replaces the
 * previous one whole, so there is nothing to roll back to.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE road_network (
      id serial PRIMARY KEY,
      file_name text NOT NULL,
      format text NOT NULL CHECK (format IN ('osm-pbf', 'geojson')),
      imported_by text NOT NULL,
      imported_at timestamptz NOT NULL DEFAULT now(),
      way_count integer NOT NULL,
      node_count integer NOT NULL,
      routable_node_count integer NOT NULL,
      edge_count integer NOT NULL,
      length_km double precision NOT NULL,
      min_lon double precision NOT NULL,
      min_lat double precision NOT NULL,
      max_lon double precision NOT NULL,
      max_lat double precision NOT NULL,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'replaced', 'removed')),
      ended_at timestamptz
    )`.execute(db);

  await sql`
    CREATE TABLE road_node (
      id integer PRIMARY KEY,
      -- In the largest strongly connected part of the graph: only these take snapped points,
      -- so a stop never lands on a car park or a one-way stub it cannot leave.
      routable boolean NOT NULL,
      geom geometry(Point, 4326) NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE road_edge (
      id integer PRIMARY KEY,
      source integer NOT NULL REFERENCES road_node (id),
      target integer NOT NULL REFERENCES road_node (id),
      osm_way_id bigint,
      highway text NOT NULL,
      name text,
      speed_kmh double precision NOT NULL CHECK (speed_kmh > 0),
      maxspeed text,
      oneway smallint NOT NULL CHECK (oneway IN (-1, 0, 1)),
      length_m double precision NOT NULL CHECK (length_m >= 0),
      cost_s double precision NOT NULL,
      reverse_cost_s double precision NOT NULL,
      geom geometry(LineString, 4326) NOT NULL
    )`.execute(db);

  await sql`CREATE INDEX road_node_geom_idx ON road_node USING gist (geom)`.execute(db);
  // KNN on geography orders by metres; on geometry(4326) it would order by degrees.
  await sql`CREATE INDEX road_node_routable_geog_idx ON road_node USING gist ((geom::geography)) WHERE routable`.execute(db);
  await sql`CREATE INDEX road_edge_geom_idx ON road_edge USING gist (geom)`.execute(db);
  await sql`CREATE INDEX road_edge_source_idx ON road_edge (source)`.execute(db);
  await sql`CREATE INDEX road_edge_target_idx ON road_edge (target)`.execute(db);

  // pgRouting where the server offers it; a role that may not create it leaves routing to the app.
  await sql`
    DO $$
    BEGIN
      IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pgrouting') THEN
        CREATE EXTENSION IF NOT EXISTS pgrouting;
      END IF;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'pgrouting is available but this role may not create it: routing runs in the application';
    END $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['road_edge', 'road_node', 'road_network']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
