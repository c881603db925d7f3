import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { buildRoadGraph as buildGraphFromFile } from '../../data-import/src/roads/build-road-graph.ts';
import { readRoadShapefile } from '../../data-import/src/roads/read-road-shapefile.ts';
import { buildContractionHierarchy, type ContractionHierarchy } from '../../api/src/network/contraction-hierarchy.ts';
import { sweepPlan } from '../../api/src/network/hierarchy-matrix.ts';
import { serialiseHierarchy } from '../../api/src/network/hierarchy-store.ts';
import { buildRoadGraph, type RoadGraph } from '../../api/src/network/road-graph.ts';
import { hierarchyTravelCosts, travelCosts, type TravelCosts } from '../../api/src/network/travel-costs.ts';
import { Rng } from '../../api/src/routing/rng.ts';
import { REPO_ROOT } from '../src/test-env.ts';
import type { Benchmark } from './registry.ts';
import { syntheticGrid } from './synthetic-grid.ts';

/** Settlements in Hungary: the largest matrix an analysis asks for. */
const SETTLEMENTS = 3177;
const SEED = 20261204;
/** Side of the SYNTHETIC grid (1,000 → 1,000,000 nodes, roughly Hungary's drivable junctions); ROADS_GRID_SIDE=300 for a quick run. */
const GRID_SIDE = Number(process.env.ROADS_GRID_SIDE ?? 1000);
/** Dijkstra rows measured on the grid; the full matrix time is extrapolated from them (the whole would take about half an hour). */
const SAMPLED_ROWS = 20;
const SHAPEFILE = `${REPO_ROOT}/test/fixtures/geofabrik/budapest-main-roads`;

/**
 * Wall and CPU time of a task: on a shared machine the CPU time says what the work costs, the wall time what a user
 * waits. The CPU time is the whole process's (every thread, so the matrix's workers too).
 */
async function timed<T>(task: () => T | Promise<T>): Promise<{ result: T; wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await task();
  const used = process.cpuUsage(cpu);
  return { result, wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

/** The 1-minute load average: other work on the machine stretches the wall times. */
const load = () => `load average ${loadavg()[0]!.toFixed(1)}`;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The largest difference between the hierarchy's and Dijkstra's costs over the rows both computed (Infinity must match Infinity). */
function largestDifference(byHierarchy: TravelCosts, byDijkstra: TravelCosts, rows: number): number {
  let worst = 0;
  for (const metric of ['seconds', 'metres'] as const) {
    for (let cell = 0; cell < rows * SETTLEMENTS; cell += 1) {
      const want = byDijkstra[metric][cell]!;
      const got = byHierarchy[metric][cell]!;
      worst = Math.max(worst, want === got ? 0 : Math.abs(got - want) / Math.max(1, want));
    }
  }
  return worst;
}

async function measure(label: string, graph: RoadGraph, points: Int32Array, dijkstraRows: number): Promise<void> {
  console.log(`${label}: ${graph.nodeCount.toLocaleString('en-US')} nodes, ${graph.arcHead.length.toLocaleString('en-US')} arcs; ${SETTLEMENTS.toLocaleString('en-US')} × ${SETTLEMENTS.toLocaleString('en-US')} matrix (fastest time and shortest length)`);
  const built: Record<'seconds' | 'metres', ContractionHierarchy> = {} as never;
  for (const metric of ['seconds', 'metres'] as const) {
    const started = { wall: performance.now(), cpu: process.cpuUsage() };
    // On the large grid, where the time goes: every 10 % of the nodes contracted.
    const progress = graph.nodeCount < 100_000 ? undefined : (contracted: number) => {
      if (contracted % Math.ceil(graph.nodeCount / 10) >= Math.ceil(graph.nodeCount / 100)) return;
      const used = process.cpuUsage(started.cpu);
      console.log(`    ${Math.round((100 * contracted) / graph.nodeCount)} % contracted: ${seconds(performance.now() - started.wall)} wall, ${seconds((used.user + used.system) / 1000)} CPU`);
    };
    const { result, wallMs, cpuMs } = await timed(() => buildContractionHierarchy(graph, metric === 'seconds' ? graph.arcSeconds : graph.arcMetres, { progress }));
    built[metric] = result;
    console.log(`  preprocessing (${metric}): ${seconds(wallMs)} wall, ${seconds(cpuMs)} CPU; ${(result.upHead.length / graph.nodeCount).toFixed(2)} upward arcs per node, stored in ${(serialiseHierarchy(result).byteLength / 1024 / 1024).toFixed(1)} MB; ${load()}`);
  }
  const plan = sweepPlan(built.seconds, points, points);
  console.log(`  swept (time hierarchy): ${plan.upAt.length.toLocaleString('en-US')} nodes up from the origins (${plan.upTo.length.toLocaleString('en-US')} arcs), ${plan.downAt.length.toLocaleString('en-US')} nodes down to the destinations (${plan.downFrom.length.toLocaleString('en-US')} arcs)`);
  const matrix = await timed(() => hierarchyTravelCosts(built, points, points));
  console.log(`  matrix on the hierarchies (${availableParallelism()} worker threads): ${seconds(matrix.wallMs)} wall, ${seconds(matrix.cpuMs)} CPU; ${load()}`);
  // Issue 12's target is set for a 1,000,000-node network; smaller graphs print it for scale only.
  const verdict = graph.nodeCount >= 1_000_000 ? (matrix.wallMs <= 60_000 ? 'met' : 'not met') : 'set for 1,000,000 nodes';
  console.log(`  target: matrix ≤ 60 s wall: ${(matrix.wallMs / 60_000).toFixed(2)}× the target (${verdict})`);
  const dijkstra = await timed(() => travelCosts(graph, points.subarray(0, dijkstraRows), points));
  const scale = SETTLEMENTS / dijkstraRows;
  const sampled = dijkstraRows < SETTLEMENTS ? ` (${dijkstraRows} rows measured, ×${scale.toFixed(0)})` : '';
  console.log(`  plain Dijkstra per origin (the baseline): ~${seconds(dijkstra.wallMs * scale)} wall, ~${seconds(dijkstra.cpuMs * scale)} CPU${sampled}; ${load()}`);
  console.log(`  ratio Dijkstra / hierarchy: ${(dijkstra.cpuMs * scale / matrix.cpuMs).toFixed(0)}× (CPU), ${(dijkstra.wallMs * scale / matrix.wallMs).toFixed(0)}× (wall)`);
  console.log(`  same answers: largest relative difference from Dijkstra over ${dijkstraRows} rows ${largestDifference(matrix.result, dijkstra.result, dijkstraRows).toExponential(1)}`);
}

/** The Budapest shapefile (test/fixtures/geofabrik) built as the import builds it, in the router's layout. */
async function budapestGraph(): Promise<RoadGraph> {
  const parts = new Map(['.shp', '.dbf', '.prj', '.cpg'].map((extension) => [extension, new Uint8Array(readFileSync(SHAPEFILE + extension))]));
  const { nodes, edges } = buildGraphFromFile(await readRoadShapefile('budapest-main-roads.shp', parts));
  return buildRoadGraph({
    nodeCount: nodes.length,
    source: Int32Array.from(edges, (edge) => edge.source),
    target: Int32Array.from(edges, (edge) => edge.target),
    lengthM: Float64Array.from(edges, (edge) => edge.lengthM),
    costS: Float64Array.from(edges, (edge) => edge.costS),
    reverseCostS: Float64Array.from(edges, (edge) => edge.reverseCostS),
  });
}

export const roadsBenchmark: Benchmark = {
  description: `road matrices at country scale: contraction hierarchies against per-origin Dijkstra, ${SETTLEMENTS.toLocaleString('en-US')} × ${SETTLEMENTS.toLocaleString('en-US')}, on the real Budapest extract and a SYNTHETIC ${GRID_SIDE.toLocaleString('en-US')}² grid (in the app, no database)`,
  async run() {
    const rng = new Rng(SEED);
    const budapest = await budapestGraph();
    // Distinct nodes of the whole extract, small parts included (their unreachable pairs are part of the answer).
    const order = Int32Array.from({ length: budapest.nodeCount }, (_, node) => node);
    rng.shuffle(order);
    await measure('Budapest main roads (real, Geofabrik shapefile)', budapest, order.slice(0, SETTLEMENTS), SETTLEMENTS);

    const grid = buildRoadGraph(syntheticGrid(GRID_SIDE, rng));
    await measure(`SYNTHETIC grid ${GRID_SIDE}×${GRID_SIDE}`, grid, Int32Array.from({ length: SETTLEMENTS }, () => rng.nextInt(grid.nodeCount)), SAMPLED_ROWS);
  },
};
