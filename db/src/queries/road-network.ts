import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { AuditActor } from '../contract/audit.ts';
import { recordAudit } from './audit.ts';
import type { Database } from '../schema.ts';
import type { RoadNetworkSummary } from '../contract/road-network.ts';
import { utcText } from './utc-text.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A junction or dead end; node ids run 1..n in the order given. */
export interface RoadNodeRow {
  lon: number;
  lat: number;
  routable: boolean;
}

/** The road between two nodes, as loaded; `source`/`target` are 1-based node ids. */
export interface RoadEdgeRow {
  source: number;
  target: number;
  osmWayId: number | null;
  highway: string;
  name: string | null;
  speedKmh: number;
  maxspeed: string | null;
  oneway: -1 | 0 | 1;
  lengthM: number;
  /** Seconds from source to target; negative where not drivable that way. */
  costS: number;
  reverseCostS: number;
  /** lon, lat, lon, lat, ... from source to target. */
  coordinates: readonly number[];
}

export interface RoadNetworkLoad {
  fileName: string;
  format: RoadNetworkSummary['format'];
  importedBy: string;
  ways: number;
  nodes: readonly RoadNodeRow[];
  edges: readonly RoadEdgeRow[];
}

const INSERT_BATCH = 5000;

/**
 * Replaces the loaded road network with a new one. Runs inside the caller's
 * transaction, so the old network stays until the new one is complete.
 */
export async function replaceRoadNetwork(trx: Transaction<Database>, load: RoadNetworkLoad): Promise<RoadNetworkSummary> {
  await sql`UPDATE road_network SET status = 'replaced', ended_at = now() WHERE status = 'active'`.execute(trx);
  await clearRoadGraph(trx);
  for (let start = 0; start < load.nodes.length; start += INSERT_BATCH) {
    const items = JSON.stringify(load.nodes.slice(start, start + INSERT_BATCH).map((node, index) => ({ id: start + index + 1, ...node })));
    await sql`
      INSERT INTO road_node (id, routable, geom)
      SELECT item.id, item.routable, ST_SetSRID(ST_MakePoint(item.lon, item.lat), 4326)
      FROM json_to_recordset(${items}::json) AS item(id integer, routable boolean, lon float8, lat float8)`.execute(trx);
  }
  for (let start = 0; start < load.edges.length; start += INSERT_BATCH) {
    const items = JSON.stringify(load.edges.slice(start, start + INSERT_BATCH).map(({ coordinates, ...edge }, index) => ({
      id: start + index + 1, ...edge, wkt: lineWkt(coordinates),
    })));
    await sql`
      INSERT INTO road_edge (id, source, target, osm_way_id, highway, name, speed_kmh, maxspeed, oneway, length_m, cost_s, reverse_cost_s, geom)
      SELECT item.id, item.source, item.target, item."osmWayId", item.highway, item.name, item."speedKmh", item.maxspeed, item.oneway,
        item."lengthM", item."costS", item."reverseCostS", ST_GeomFromText(item.wkt, 4326)
      FROM json_to_recordset(${items}::json) AS item(id integer, source integer, target integer, "osmWayId" bigint, highway text,
        name text, "speedKmh" float8, maxspeed text, oneway smallint, "lengthM" float8, "costS" float8, "reverseCostS" float8, wkt text)`.execute(trx);
  }
  const { rows } = await sql<{ id: number }>`
    INSERT INTO road_network (file_name, format, imported_by, way_count, node_count, routable_node_count, edge_count, length_km,
      min_lon, min_lat, max_lon, max_lat)
    SELECT ${load.fileName}, ${load.format}, ${load.importedBy}, ${load.ways}::int,
      (SELECT count(*) FROM road_node)::int, (SELECT count(*) FROM road_node WHERE routable)::int, (SELECT count(*) FROM road_edge)::int,
      coalesce((SELECT sum(length_m) FROM road_edge), 0) / 1000,
      ST_XMin(box), ST_YMin(box), ST_XMax(box), ST_YMax(box)
    FROM (SELECT ST_Extent(geom)::box2d AS box FROM road_node) AS extent
    RETURNING id`.execute(trx);
  return (await roadNetworkById(trx, rows[0]!.id))!;
}

/** Removes the loaded network; its record stays, marked removed. Null when none is loaded. */
export async function removeRoadNetwork(db: Kysely<Database>, actor: AuditActor): Promise<RoadNetworkSummary | null> {
  return db.transaction().execute(async (trx) => {
    const active = await activeRoadNetwork(trx);
    if (!active) return null;
    await recordAudit(trx, { actor, action: 'remove', objectKind: 'road-network', objectId: active.id, before: active, after: null });
    await clearRoadGraph(trx);
    await sql`UPDATE road_network SET status = 'removed', ended_at = now() WHERE id = ${active.id}`.execute(trx);
    return active;
  });
}

async function clearRoadGraph(trx: Db): Promise<void> {
  // Hierarchies fit only the graph they were built on (migration 016).
  await sql`DELETE FROM road_hierarchy`.execute(trx);
  await sql`DELETE FROM road_edge`.execute(trx);
  await sql`DELETE FROM road_node`.execute(trx);
}

/** The network in use, or null while none is loaded. */
export async function activeRoadNetwork(db: Db): Promise<RoadNetworkSummary | null> {
  return selectRoadNetworks(db, sql`status = 'active'`).then((rows) => rows[0] ?? null);
}

async function roadNetworkById(db: Db, id: number): Promise<RoadNetworkSummary | null> {
  return selectRoadNetworks(db, sql`id = ${id}`).then((rows) => rows[0] ?? null);
}

async function selectRoadNetworks(db: Db, where: RawBuilder<unknown>): Promise<RoadNetworkSummary[]> {
  const { rows } = await sql<{
    id: number; file_name: string; format: RoadNetworkSummary['format']; imported_by: string; imported_at: string; way_count: number;
    node_count: number; routable_node_count: number; edge_count: number; length_km: number; min_lon: number; min_lat: number; max_lon: number; max_lat: number;
  }>`
    SELECT id, file_name, format, imported_by, ${utcText('imported_at')} AS imported_at,
      way_count, node_count, routable_node_count, edge_count, length_km, min_lon, min_lat, max_lon, max_lat
    FROM road_network WHERE ${where} ORDER BY id DESC`.execute(db);
  return rows.map((row) => ({
    id: row.id, fileName: row.file_name, format: row.format, importedBy: row.imported_by, importedAt: row.imported_at,
    ways: row.way_count, nodes: row.node_count, routableNodes: row.routable_node_count, edges: row.edge_count,
    lengthKm: Math.round(row.length_km * 1000) / 1000, bbox: [row.min_lon, row.min_lat, row.max_lon, row.max_lat],
  }));
}

/** The graph as the in-app router reads it: one entry per edge, ordered by id. */
export interface RoadGraphEdges {
  nodeCount: number;
  source: Int32Array;
  target: Int32Array;
  lengthM: Float64Array;
  costS: Float64Array;
  reverseCostS: Float64Array;
}

export async function roadGraphEdges(db: Db): Promise<RoadGraphEdges> {
  const { rows: nodes } = await sql<{ n: number }>`SELECT coalesce(max(id), 0)::int AS n FROM road_node`.execute(db);
  const { rows } = await sql<{ id: number; source: number; target: number; length_m: number; cost_s: number; reverse_cost_s: number }>`
    SELECT id, source, target, length_m, cost_s, reverse_cost_s FROM road_edge ORDER BY id`.execute(db);
  const edges: RoadGraphEdges = {
    nodeCount: nodes[0]!.n,
    source: new Int32Array(rows.length),
    target: new Int32Array(rows.length),
    lengthM: new Float64Array(rows.length),
    costS: new Float64Array(rows.length),
    reverseCostS: new Float64Array(rows.length),
  };
  rows.forEach((row, index) => {
    if (row.id !== index + 1) throw new Error(`road_edge ids are not 1..n (found ${row.id} at position ${index + 1})`);
    edges.source[index] = row.source;
    edges.target[index] = row.target;
    edges.lengthM[index] = row.length_m;
    edges.costS[index] = row.cost_s;
    edges.reverseCostS[index] = row.reverse_cost_s;
  });
  return edges;
}

/** An edge's drawn line, from its source node to its target node. */
export interface RoadEdgeGeometry {
  source: number;
  coordinates: [number, number][];
}

/** Edge geometries by edge id, to draw paths along the roads. */
export async function roadEdgeGeometries(db: Db, edgeIds: readonly number[]): Promise<Map<number, RoadEdgeGeometry>> {
  if (edgeIds.length === 0) return new Map();
  const { rows } = await sql<{ id: number; source: number; geometry: string }>`
    SELECT id, source, ST_AsGeoJSON(geom, 7) AS geometry FROM road_edge WHERE id = ANY(${[...new Set(edgeIds)]}::int[])`.execute(db);
  return new Map(rows.map((row) => [row.id, { source: row.source, coordinates: (JSON.parse(row.geometry) as { coordinates: [number, number][] }).coordinates }]));
}

function lineWkt(coordinates: readonly number[]): string {
  const points: string[] = [];
  for (let index = 0; index < coordinates.length; index += 2) points.push(`${coordinates[index]} ${coordinates[index + 1]}`);
  return `LINESTRING(${points.join(',')})`;
}
