import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * How far a point may lie from the nearest routable node and still be placed
 * on the network: a village centre a few kilometres from the nearest mapped
 * road is reported as unroutable rather than routed from a wrong place.
 */
export const MAX_SNAP_DISTANCE_M = 3000;

/** A point placed on the network: its node, or null with the distance to the nearest one (null when there is none). */
export interface SnappedPoint {
  nodeId: number | null;
  distanceM: number | null;
}

/**
 * Snaps each point to its nearest routable road node, by true distance (KNN on
 * geography, index-assisted). Answers one entry per point, in order.
 */
export async function snapToRoadNetwork(db: Db, points: readonly { lon: number; lat: number }[], maxDistanceM = MAX_SNAP_DISTANCE_M): Promise<SnappedPoint[]> {
  if (points.length === 0) return [];
  const items = JSON.stringify(points.map((point, index) => ({ index, lon: point.lon, lat: point.lat })));
  const { rows } = await sql<{ index: number; node_id: number | null; distance_m: number | null }>`
    SELECT item.index, nearest.id AS node_id, nearest.distance_m
    FROM json_to_recordset(${items}::json) AS item(index integer, lon float8, lat float8)
    LEFT JOIN LATERAL (
      SELECT n.id, ST_Distance(n.geom::geography, ST_SetSRID(ST_MakePoint(item.lon, item.lat), 4326)::geography) AS distance_m
      FROM road_node n WHERE n.routable
      ORDER BY n.geom::geography <-> ST_SetSRID(ST_MakePoint(item.lon, item.lat), 4326)::geography
      LIMIT 1
    ) AS nearest ON true
    ORDER BY item.index`.execute(db);
  return rows.map((row) => ({
    nodeId: row.node_id !== null && row.distance_m !== null && row.distance_m <= maxDistanceM ? row.node_id : null,
    distanceM: row.distance_m === null ? null : Math.round(row.distance_m * 10) / 10,
  }));
}
