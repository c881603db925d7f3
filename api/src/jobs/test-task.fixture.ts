/** Tasks for run-in-worker.test.ts. */
export function sumTo(input: { n: number }, report: (progress: number) => void): { sum: number; values: Float64Array } {
  const values = new Float64Array(input.n);
  let sum = 0;
  for (let i = 1; i <= input.n; i += 1) {
    values[i - 1] = i;
    sum += i;
    report(i);
  }
  return { sum, values };
}

export function fail(input: { code: string }): never {
  const error = new Error('p is larger than the candidates') as Error & { code: string };
  error.name = 'PlanningError';
  error.code = input.code;
  throw error;
}

export function spin(): never {
  for (;;) {
    // busy until terminated
  }
}
