import { parentPort, workerData } from 'node:worker_threads';
import type { SerialisedError, WorkerTask } from './run-in-worker.ts';

/** Inside the worker thread: import the task's module, run it, post progress and the answer back. */
const { moduleUrl, exportName, input } = workerData as { moduleUrl: string; exportName: string; input: unknown };
const port = parentPort!;

function serialise(error: unknown): SerialisedError {
  if (error instanceof Error) {
    const { code, params } = error as { code?: unknown; params?: Record<string, string | number> };
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}), ...(params ? { params } : {}) };
  }
  return { name: 'Error', message: String(error) };
}

try {
  const module = (await import(moduleUrl)) as Record<string, WorkerTask<unknown, unknown, unknown>>;
  const task = module[exportName];
  if (typeof task !== 'function') throw new Error(`${moduleUrl} has no export "${exportName}"`);
  const output = await task(input, (progress) => port.postMessage({ type: 'progress', progress }));
  port.postMessage({ type: 'done', output });
} catch (error) {
  port.postMessage({ type: 'failed', error: serialise(error) });
}
