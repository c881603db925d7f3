import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { engineOptionsFromEnv, openEngine, pgRoutingCosts, replaceRoadNetwork, roadGraphEdges, snapToRoadNetwork, type Database, type Engine, type RoadGraphEdges, type RoadNetworkLoad, type Transaction } from '@terep/db';
import { buildRoadGraph as buildGraphFromFile } from '../../data-import/src/roads/build-road-graph.ts';
import { readOsmPbf } from '../../data-import/src/roads/read-osm-pbf.ts';
import { buildRoadGraph } from '../../api/src/network/road-graph.ts';
import { travelCosts } from '../../api/src/network/travel-costs.ts';
import { Rng } from '../../api/src/routing/rng.ts';
import { REPO_ROOT } from '../src/test-env.ts';
import type { Benchmark } from './registry.ts';
import { syntheticGrid } from './synthetic-grid.ts';

const EXTRACT = `${REPO_ROOT}/test/fixtures/osm/west-oakland.osm.pbf`;
const REPEATS = 5;
const SEED = 20261124;
/** Settlements in Hungary: the largest matrix an analysis asks for. */
const SETTLEMENTS = 3177;
/** A synthetic grid of this many nodes per side stands in for a country network (Hungary's drivable graph: roughly 10^6 junctions). */
const GRID_SIDE = 1000;
/** A smaller synthetic grid, loaded into the database, compares the two routers at a county's scale. */
const DB_GRID_SIDE = 300;
/** Matrix rows actually searched on the synthetic grid; the full 3,177-row time is extrapolated from them. */
const SAMPLED_ROWS = 20;

async function medianMs(task: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index < REPEATS; index += 1) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(REPEATS / 2)]!;
}

const ROLLBACK = new Error('bench: roll back the road network');

/** A network is loaded inside a transaction that is rolled back: a user's own network is never touched. */
async function withNetworkLoaded(engine: Engine, load: RoadNetworkLoad, measure: (trx: Transaction<Database>) => Promise<void>): Promise<void> {
  await engine.db.transaction().execute(async (trx) => {
    const started = performance.now();
    await replaceRoadNetwork(trx, load);
    console.log(`${load.fileName}: ${load.nodes.length.toLocaleString('en-US')} nodes, ${load.edges.length.toLocaleString('en-US')} edges written in ${(performance.now() - started).toFixed(0)} ms`);
    await measure(trx);
    throw ROLLBACK;
  }).catch((error: unknown) => {
    if (error !== ROLLBACK) throw error;
  });
}

/** The grid as rows to load, laid out 250 m apart near Kecskemét. */
function gridLoad(grid: RoadGraphEdges, side: number): RoadNetworkLoad {
  const lonOf = (node: number) => 19.5 + ((node - 1) % side) * 0.0033;
  const latOf = (node: number) => 46.9 + Math.floor((node - 1) / side) * 0.00225;
  return {
    fileName: `SYNTHETIC grid ${side}x${side}`,
    format: 'geojson',
    importedBy: 'bench',
    ways: grid.source.length,
    nodes: Array.from({ length: grid.nodeCount }, (_, index) => ({ lon: lonOf(index + 1), lat: latOf(index + 1), routable: true })),
    edges: Array.from(grid.source, (source, edge) => ({
      source, target: grid.target[edge]!, osmWayId: null, highway: 'unclassified', name: null, speedKmh: (250 / grid.costS[edge]!) * 3.6,
      maxspeed: null, oneway: 0 as const, lengthM: grid.lengthM[edge]!, costS: grid.costS[edge]!, reverseCostS: grid.reverseCostS[edge]!,
      coordinates: [lonOf(source), latOf(source), lonOf(grid.target[edge]!), latOf(grid.target[edge]!)],
    })),
  };
}

/** Milliseconds per matrix row (one origin to every destination, time and length) for both routers, on the network loaded in `trx`. */
async function perRowMs(engine: Engine, trx: Transaction<Database>, origins: readonly number[], destinations: readonly number[]): Promise<{ inApp: number; pgRouting: number | null }> {
  const graph = buildRoadGraph(await roadGraphEdges(trx));
  const zeroBased = (nodes: readonly number[]) => Int32Array.from(nodes, (node) => node - 1);
  const inApp = (await medianMs(() => travelCosts(graph, zeroBased(origins), zeroBased(destinations)))) / origins.length;
  const pgRouting = engine.capabilities.pgRouting
    ? (await medianMs(async () => {
      await pgRoutingCosts(trx, origins, destinations, 'duration');
      await pgRoutingCosts(trx, origins, destinations, 'distance');
    })) / origins.length
    : null;
  return { inApp, pgRouting };
}

export const networkBenchmark: Benchmark = {
  description: `road network: travel matrices in-app vs pgRouting on the real test extract and on SYNTHETIC grids (${DB_GRID_SIDE}² in the database, ${GRID_SIDE}² in-app, ${SETTLEMENTS.toLocaleString('en-US')} destinations), snapping; median of ${REPEATS}`,
  async run() {
    const options = engineOptionsFromEnv();
    const engine = options.databaseUrl ? await openEngine(options) : await openEngine({ dataDir: 'memory://bench-network' });
    const rng = new Rng(SEED);
    try {
      console.log(`engine: ${engine.kind}; pgRouting ${engine.capabilities.pgRouting ? 'installed' : 'not installed'}; every load rolled back after measuring`);
      const readStarted = performance.now();
      const extract = buildGraphFromFile(await readOsmPbf('west-oakland.osm.pbf', readFileSync(EXTRACT)));
      console.log(`extract read and built into a graph in ${(performance.now() - readStarted).toFixed(1)} ms`);
      await withNetworkLoaded(engine, { fileName: 'west-oakland.osm.pbf', format: 'osm-pbf', importedBy: 'bench', ways: 0, nodes: extract.nodes, edges: extract.edges }, async (trx) => {
        const { rows } = await sql<{ id: number }>`SELECT id FROM road_node WHERE routable ORDER BY id`.execute(trx);
        const nodes = rows.map((row) => row.id);
        const { inApp, pgRouting } = await perRowMs(engine, trx, nodes, nodes);
        const whole = (ms: number | null) => (ms === null ? 'n/a' : `${(ms * nodes.length).toFixed(2)} ms`);
        console.log(`matrix ${nodes.length}×${nodes.length} (time and length): in-app ${whole(inApp)}, pgRouting ${whole(pgRouting)}`);
        const [minLon, minLat, maxLon, maxLat] = extract.bbox;
        const points = Array.from({ length: SETTLEMENTS }, () => ({ lon: minLon + (maxLon - minLon) * rng.nextFloat(), lat: minLat + (maxLat - minLat) * rng.nextFloat() }));
        const snap = await medianMs(() => snapToRoadNetwork(trx, points));
        console.log(`snapping ${SETTLEMENTS.toLocaleString('en-US')} random points to the nearest routable node (KNN on geography): ${snap.toFixed(0)} ms`);
      });

      await withNetworkLoaded(engine, gridLoad(syntheticGrid(DB_GRID_SIDE, rng), DB_GRID_SIDE), async (trx) => {
        const destinations = Array.from({ length: SETTLEMENTS }, () => 1 + rng.nextInt(DB_GRID_SIDE * DB_GRID_SIDE));
        const { inApp, pgRouting } = await perRowMs(engine, trx, destinations.slice(0, SAMPLED_ROWS), destinations);
        const whole = (ms: number | null) => (ms === null ? 'n/a' : `${ms.toFixed(0)} ms per origin, ~${((ms * SETTLEMENTS) / 1000).toFixed(0)} s for all`);
        console.log(`${SETTLEMENTS}×${SETTLEMENTS} on the ${DB_GRID_SIDE}² grid (${SAMPLED_ROWS} rows measured): in-app ${whole(inApp)}; pgRouting ${whole(pgRouting)}`);
      });

      const started = performance.now();
      const grid = buildRoadGraph(syntheticGrid(GRID_SIDE, rng));
      console.log(`SYNTHETIC grid ${grid.nodeCount.toLocaleString('en-US')} nodes, ${grid.arcHead.length.toLocaleString('en-US')} arcs, built in ${(performance.now() - started).toFixed(0)} ms (in-app only)`);
      const settlements = Int32Array.from({ length: SETTLEMENTS }, () => rng.nextInt(grid.nodeCount));
      const sampleStarted = performance.now();
      travelCosts(grid, settlements.subarray(0, SAMPLED_ROWS), settlements);
      const perRow = (performance.now() - sampleStarted) / SAMPLED_ROWS;
      console.log(`in-app ${SETTLEMENTS}×${SETTLEMENTS} on the ${GRID_SIDE}² grid: ${perRow.toFixed(0)} ms per origin (two searches), ~${((perRow * SETTLEMENTS) / 1000).toFixed(0)} s for the full matrix; its result arrays take ${((2 * 8 * SETTLEMENTS * SETTLEMENTS) / 1024 / 1024).toFixed(0)} MB`);
    } finally {
      await engine.close();
    }
  },
};
