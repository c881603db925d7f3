import { layersBenchmark } from './layers.bench.ts';

export interface Benchmark {
  description: string;
  run(): Promise<void>;
}

export const BENCHMARKS: Record<string, Benchmark> = {
  layers: layersBenchmark,
};
