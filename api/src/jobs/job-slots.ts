/** How many solver jobs (plans, route searches) may run at once: each one holds a worker thread and its inputs. */
export interface JobLimits {
  /** In the whole server; on a 2-core machine more only makes every job slower. */
  total: number;
  /** Per signed-in user, so one person cannot hold every slot. */
  perUser: number;
}

export const DEFAULT_JOB_LIMITS: JobLimits = { total: 2, perUser: 1 };

/** A refused job: a limit is reached (the client may retry later) or the server is stopping. */
export class JobRefusedError extends Error {
  constructor(
    readonly reason: 'user-limit' | 'server-limit' | 'stopping',
    readonly limit: number,
    readonly running: number,
  ) {
    super(
      reason === 'stopping'
        ? 'The server is stopping: start the job again when it is back.'
        : reason === 'user-limit'
          ? `You already run ${running} solver job${running === 1 ? '' : 's'} (the limit per user is ${limit}): wait for it to finish, or cancel it.`
          : `The server already runs ${running} solver jobs (its limit is ${limit}): try again in a little while.`,
    );
    this.name = 'JobRefusedError';
  }
}

/** A running job's hold on a slot; `signal` aborts when the server stops. */
export interface JobSlot {
  readonly signal: AbortSignal;
  /** Frees the slot; calling it again does nothing. */
  release(): void;
}

/**
 * The admission of solver jobs: a job takes a slot before it starts or is refused at once
 * (no queue: a refused request leaves nothing behind, and the client decides whether to
 * retry). `stopAll` aborts every running job and refuses new ones, for a graceful shutdown.
 */
export class JobSlots {
  readonly limits: JobLimits;
  readonly #byOwner = new Map<number | undefined, number>();
  readonly #controllers = new Set<AbortController>();
  #stopping = false;

  constructor(limits: JobLimits = DEFAULT_JOB_LIMITS) {
    this.limits = limits;
  }

  get running(): number {
    return this.#controllers.size;
  }

  /** Takes a slot for `owner` (a user id; undefined before accounts, counted against the total only). */
  take(owner: number | undefined): JobSlot {
    if (this.#stopping) throw new JobRefusedError('stopping', 0, this.running);
    if (this.running >= this.limits.total) throw new JobRefusedError('server-limit', this.limits.total, this.running);
    const mine = this.#byOwner.get(owner) ?? 0;
    if (owner !== undefined && mine >= this.limits.perUser) throw new JobRefusedError('user-limit', this.limits.perUser, mine);
    const controller = new AbortController();
    this.#controllers.add(controller);
    this.#byOwner.set(owner, mine + 1);
    let held = true;
    return {
      signal: controller.signal,
      release: () => {
        if (!held) return;
        held = false;
        this.#controllers.delete(controller);
        const left = (this.#byOwner.get(owner) ?? 1) - 1;
        if (left === 0) this.#byOwner.delete(owner);
        else this.#byOwner.set(owner, left);
      },
    };
  }

  /** Aborts every running job and refuses new ones (the server is shutting down). */
  stopAll(): void {
    this.#stopping = true;
    for (const controller of this.#controllers) controller.abort();
  }
}
