import { coverageBenchmark } from './coverage.bench.ts';
import { donationsBenchmark } from './donations.bench.ts';
import { layersBenchmark } from './layers.bench.ts';
import { loadBenchmark } from './load.bench.ts';
import { networkBenchmark } from './network.bench.ts';
import { planningBenchmark } from './planning.bench.ts';
import { roadsBenchmark } from './roads.bench.ts';
import { routingBenchmark } from './routing.bench.ts';
import { startupBenchmark } from './startup.bench.ts';
import { tilesBenchmark } from './tiles.bench.ts';

export interface Benchmark {
  description: string;
  run(): Promise<void>;
}

export const BENCHMARKS: Record<string, Benchmark> = {
  coverage: coverageBenchmark,
  donations: donationsBenchmark,
  layers: layersBenchmark,
  load: loadBenchmark,
  network: networkBenchmark,
  planning: planningBenchmark,
  routing: routingBenchmark,
  roads: roadsBenchmark,
  tiles: tilesBenchmark,
  startup: startupBenchmark,
};
