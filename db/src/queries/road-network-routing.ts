import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * What a path costs: travel time (the fastest path) or length (the shortest).
 * A matrix gives both, each the best of its kind, so either answer is the same
 * whichever equally good path a router picks.
 */
export type RoadCostMetric = 'duration' | 'distance';

// The graph as pgRouting reads it, costs in seconds or metres; a negative cost closes that direction.
const EDGES_SQL: Record<RoadCostMetric, string> = {
  duration: 'SELECT id, source, target, cost_s AS cost, reverse_cost_s AS reverse_cost FROM road_edge',
  distance: 'SELECT id, source, target, CASE WHEN cost_s < 0 THEN -1 ELSE length_m END AS cost, CASE WHEN reverse_cost_s < 0 THEN -1 ELSE length_m END AS reverse_cost FROM road_edge',
};

/** Best costs from each source node to each target node it reaches (pgRouting only). */
export interface PgRoutingCosts {
  source: number;
  targets: number[];
  costs: number[];
}

/**
 * Many-to-many best costs with `pgr_dijkstraCost`: one search per source, only
 * the aggregate cost returned (unlike `pgr_dijkstraCostMatrix`, origins and
 * destinations may differ). Grouped per source so a 3,000 × 3,000 answer
 * crosses the wire as 3,000 rows of arrays, not nine million rows.
 */
export async function pgRoutingCosts(db: Db, sources: readonly number[], targets: readonly number[], metric: RoadCostMetric): Promise<PgRoutingCosts[]> {
  if (sources.length === 0 || targets.length === 0) return [];
  const { rows } = await sql<{ source: number; targets: number[]; costs: number[] }>`
    SELECT start_vid::int AS source, array_agg(end_vid::int) AS targets, array_agg(agg_cost) AS costs
    FROM pgr_dijkstraCost(${EDGES_SQL[metric]}, ${[...new Set(sources)]}::bigint[], ${[...new Set(targets)]}::bigint[], directed => true)
    GROUP BY start_vid`.execute(db);
  return rows;
}

/** One step of a path: the edge taken and the node it was entered from. */
export interface RoadPathStep {
  edge: number;
  from: number;
}

/** The fastest path between two nodes with `pgr_dijkstra`; null when none exists. */
export async function pgRoutingPath(db: Db, source: number, target: number): Promise<RoadPathStep[] | null> {
  if (source === target) return [];
  const { rows } = await sql<{ node: number; edge: number }>`
    SELECT node::int AS node, edge::int AS edge FROM pgr_dijkstra(${EDGES_SQL.duration}, ${source}::bigint, ${target}::bigint, directed => true)
    ORDER BY seq`.execute(db);
  if (rows.length === 0) return null;
  return rows.filter((row) => row.edge > 0).map((row) => ({ edge: row.edge, from: row.node }));
}
