import { Worker } from 'node:worker_threads';

/**
 * A job a worker thread runs: a pure function of a structured-cloneable input,
 * reporting progress as it goes. Solvers run here so a 20-second solve never
 * blocks the HTTP server's event loop.
 */
export type WorkerTask<I, O, P> = (input: I, report: (progress: P) => void) => O | Promise<O>;

type WorkerMessage<O, P> = { type: 'progress'; progress: P } | { type: 'done'; output: O } | { type: 'failed'; error: SerialisedError };

export interface SerialisedError {
  name: string;
  message: string;
  /** A stable code when the error carries one (e.g. PlanningError's), and the values it is worded from. */
  code?: string;
  params?: Record<string, string | number>;
}

/** An error thrown inside the worker, rebuilt on this side with its name, message and code. */
export class WorkerTaskError extends Error {
  readonly code: string | undefined;
  readonly params: Record<string, string | number>;
  constructor(error: SerialisedError) {
    super(error.message);
    this.name = error.name;
    this.code = error.code;
    this.params = error.params ?? {};
  }
}

export interface RunInWorkerOptions<P> {
  onProgress?: (progress: P) => void;
  /** Aborting terminates the worker and rejects with an AbortError. */
  signal?: AbortSignal;
}

/**
 * The worker's first lines: register tsx's loader in that thread (Node 20 does not
 * accept `--import` for worker threads, and under vitest the parent has no loader to
 * inherit), then run the TypeScript entry.
 */
const BOOTSTRAP = `
  import('tsx/esm/api')
    .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./worker-entry.ts', import.meta.url).href)}); })
    .catch((error) => { require('node:worker_threads').parentPort.postMessage({ type: 'failed', error: { name: error.name, message: error.message } }); });
`;

/**
 * Runs `exportName` of the module at `moduleUrl` (a WorkerTask) in a fresh worker thread.
 * The module is imported inside the worker, so it must not depend on this thread's state.
 */
export function runInWorker<I, O, P = never>(moduleUrl: URL, exportName: string, input: I, options: RunInWorkerOptions<P> = {}): Promise<O> {
  return new Promise<O>((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new DOMException('The job was cancelled.', 'AbortError'));
      return;
    }
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { moduleUrl: moduleUrl.href, exportName, input } });
    let settled = false;
    const settle = (action: () => void): void => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', abort);
      action();
    };
    const abort = (): void => {
      settle(() => reject(new DOMException('The job was cancelled.', 'AbortError')));
      void worker.terminate();
    };
    options.signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (message: WorkerMessage<O, P>) => {
      if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'done') settle(() => resolve(message.output));
      else settle(() => reject(new WorkerTaskError(message.error)));
      if (message.type !== 'progress') void worker.terminate();
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`The worker stopped (exit code ${code}) before it answered.`))));
  });
}
