import type { ProblemData } from '../model.ts';

/** A benchmark file turned into a problem, with what is needed to write its solutions back. */
export interface BenchmarkInstance {
  name: string;
  data: ProblemData;
  /** Per client: its number in the benchmark's own `.sol` files. */
  labels: string[];
  /** Internal costs are the file's costs times this (Solomon keeps one decimal as integers x 10). */
  costScale: number;
  /** Decimals of the benchmark's cost convention. */
  costDecimals: number;
}
