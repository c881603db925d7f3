/** A failure as clients see it: a stable code and a message for people. */
export interface JobError {
  code: string;
  message: string;
  /** The values a client words the error from (see api/src/http/api-error.ts). */
  params?: Record<string, string | number>;
}

export type JobState = 'running' | 'done' | 'failed';

/** What subscribers receive, in order: progress reports, then exactly one `done` or `failed`. */
export type JobEvent<P, R> = { type: 'progress'; progress: P } | { type: 'done'; result: R } | { type: 'failed'; error: JobError };

export interface Job<P, R> {
  readonly id: string;
  readonly state: JobState;
  readonly progress: readonly P[];
  readonly result: R | undefined;
  readonly error: JobError | undefined;
  /** Aborted by `cancel`: the job's work should stop (e.g. `runInWorker`'s signal). */
  readonly signal: AbortSignal;
}

interface Entry<P, R> {
  id: string;
  state: JobState;
  progress: P[];
  result: R | undefined;
  error: JobError | undefined;
  controller: AbortController;
  listeners: Set<(event: JobEvent<P, R>) => void>;
}

/**
 * Long-running jobs of one process (plan solves, route searches): their state,
 * the progress reported so far and their answer, with subscribers (server-sent
 * event streams) that first get every past event and then the live ones.
 * In memory only: finished answers belong in the database; the registry keeps
 * the most recent `keepFinished` of them and forgets older ones.
 */
export class JobRegistry<P, R> {
  readonly #jobs = new Map<string, Entry<P, R>>();
  readonly #keepFinished: number;

  constructor(options: { keepFinished?: number } = {}) {
    this.#keepFinished = options.keepFinished ?? 20;
  }

  start(id: string): Job<P, R> {
    if (this.#jobs.has(id)) throw new Error(`Job ${id} exists already.`);
    const entry: Entry<P, R> = { id, state: 'running', progress: [], result: undefined, error: undefined, controller: new AbortController(), listeners: new Set() };
    this.#jobs.set(id, entry);
    return this.#view(entry);
  }

  get(id: string): Job<P, R> | undefined {
    const entry = this.#jobs.get(id);
    return entry ? this.#view(entry) : undefined;
  }

  report(id: string, progress: P): void {
    const entry = this.#running(id);
    if (!entry) return;
    entry.progress.push(progress);
    this.#emit(entry, { type: 'progress', progress });
  }

  finish(id: string, result: R): void {
    const entry = this.#running(id);
    if (!entry) return;
    entry.state = 'done';
    entry.result = result;
    this.#settle(entry, { type: 'done', result });
  }

  fail(id: string, error: JobError): void {
    const entry = this.#running(id);
    if (!entry) return;
    entry.state = 'failed';
    entry.error = error;
    this.#settle(entry, { type: 'failed', error });
  }

  /** Stops a job's work and forgets it; subscribers of a running job get a `CANCELLED` failure as their last event. */
  cancel(id: string): void {
    const entry = this.#jobs.get(id);
    if (!entry) return;
    this.#jobs.delete(id);
    if (entry.state === 'running') this.#emit(entry, { type: 'failed', error: { code: 'CANCELLED', message: 'The job was cancelled.', params: {} } });
    entry.listeners.clear();
    entry.controller.abort();
  }

  /**
   * Calls `listener` with every event so far, then with each new one until the
   * job ends. Returns the unsubscribe function; undefined for an unknown job.
   */
  subscribe(id: string, listener: (event: JobEvent<P, R>) => void): (() => void) | undefined {
    const entry = this.#jobs.get(id);
    if (!entry) return undefined;
    for (const progress of entry.progress) listener({ type: 'progress', progress });
    if (entry.state === 'done') listener({ type: 'done', result: entry.result as R });
    else if (entry.state === 'failed') listener({ type: 'failed', error: entry.error! });
    else entry.listeners.add(listener);
    return () => entry.listeners.delete(listener);
  }

  #running(id: string): Entry<P, R> | undefined {
    const entry = this.#jobs.get(id);
    return entry?.state === 'running' ? entry : undefined;
  }

  #emit(entry: Entry<P, R>, event: JobEvent<P, R>): void {
    for (const listener of [...entry.listeners]) listener(event);
  }

  #settle(entry: Entry<P, R>, event: JobEvent<P, R>): void {
    this.#emit(entry, event);
    entry.listeners.clear();
    const finished = [...this.#jobs.values()].filter((job) => job.state !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - this.#keepFinished))) this.#jobs.delete(old.id);
  }

  #view(entry: Entry<P, R>): Job<P, R> {
    return {
      id: entry.id,
      get state() {
        return entry.state;
      },
      progress: entry.progress,
      get result() {
        return entry.result;
      },
      get error() {
        return entry.error;
      },
      signal: entry.controller.signal,
    };
  }
}
