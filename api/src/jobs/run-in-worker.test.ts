import { describe, expect, it } from 'vitest';
import { runInWorker, WorkerTaskError } from './run-in-worker.ts';

const task = new URL('./test-task.fixture.ts', import.meta.url);

describe('runInWorker', () => {
  it('runs a TypeScript task in a worker thread and streams its progress', async () => {
    const progress: number[] = [];
    const output = await runInWorker<{ n: number }, { sum: number; values: Float64Array }, number>(task, 'sumTo', { n: 4 }, { onProgress: (p) => progress.push(p) });
    expect(output.sum).toBe(10);
    expect(Array.from(output.values)).toEqual([1, 2, 3, 4]);
    expect(progress).toEqual([1, 2, 3, 4]);
  });

  it('rebuilds errors with their name, message and code', async () => {
    const failure = runInWorker(task, 'fail', { code: 'INFEASIBLE' });
    await expect(failure).rejects.toBeInstanceOf(WorkerTaskError);
    await expect(failure).rejects.toMatchObject({ name: 'PlanningError', code: 'INFEASIBLE', message: 'p is larger than the candidates' });
  });

  it('cancels a running task', async () => {
    const controller = new AbortController();
    const running = runInWorker(task, 'spin', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
  });
});
