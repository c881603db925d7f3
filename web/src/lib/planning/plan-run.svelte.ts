import type { PlanDetail, PlanError, PlanProgress, PlanRequestBody } from '@terep/db/contract';
import { ApiError } from '$lib/api/api-error';
import { deletePlan, fetchPlan, startPlan, watchPlan } from './plans-client';

export type RunPhase = 'idle' | 'starting' | 'running' | 'done' | 'failed';

/** The plan shown: a run followed live through its event stream, or a saved scenario reopened. */
export class PlanRun {
  phase = $state<RunPhase>('idle');
  id = $state<number | null>(null);
  progress = $state.raw<PlanProgress[]>([]);
  plan = $state.raw<PlanDetail | null>(null);
  /** A refused request (the POST's 400) or a failed run, as the API said it. */
  failure = $state.raw<PlanError | null>(null);
  /** A transport failure (network, lost stream). */
  error = $state.raw<unknown>(null);
  /** The last run was cancelled by the user (cleared by the next one). */
  cancelled = $state(false);

  #stopWatching: (() => void) | null = null;
  /** Counts resets: tells whether what is shown changed while a cancellation was on its way. */
  #shown = 0;
  #onFinished: () => void;

  /** `onFinished`: told when a run ends, either way (the scenario list reloads). */
  constructor(onFinished: () => void) {
    this.#onFinished = onFinished;
  }

  get latest(): PlanProgress | null {
    return this.progress.at(-1) ?? null;
  }

  get busy(): boolean {
    return this.phase === 'starting' || this.phase === 'running';
  }

  async run(body: PlanRequestBody): Promise<void> {
    this.#reset('starting');
    try {
      const { id } = await startPlan(body);
      this.id = id;
      this.phase = 'running';
      this.#watch(id);
    } catch (error) {
      this.#fail(error);
    }
  }

  /** Shows a saved scenario; a running one is followed to its end. */
  async open(id: number): Promise<void> {
    this.#reset('starting');
    this.id = id;
    try {
      const plan = await fetchPlan(id);
      if (plan.status === 'running') {
        this.progress = plan.progress;
        this.phase = 'running';
        this.#watch(id);
        return;
      }
      this.#show(plan);
    } catch (error) {
      this.#fail(error);
    }
  }

  clear(): void {
    this.#reset('idle');
  }

  /**
   * Cancels the running plan: the API stops its solver and drops the unfinished scenario
   * (`DELETE /api/plans/:id`), so the list loses it too. "Cancelled, not saved" is said only
   * once the API has dropped it: said earlier, a list read meanwhile would still show the plan.
   */
  async cancel(): Promise<void> {
    const id = this.id;
    if (this.phase !== 'running' || id === null) return;
    this.#reset('idle');
    const shown = this.#shown;
    try {
      await deletePlan(id);
      // A run started (or a plan opened) while the deletion was on its way is not the one cancelled.
      if (shown === this.#shown) this.cancelled = true;
    } catch (error) {
      this.error = error;
    } finally {
      this.#onFinished();
    }
  }

  destroy(): void {
    this.#stopWatching?.();
  }

  #watch(id: number): void {
    this.#stopWatching = watchPlan(id, {
      onProgress: (progress) => {
        if (this.id === id) this.progress = progress;
      },
      onDone: () => {
        void fetchPlan(id).then(
          (plan) => {
            if (this.id !== id) return;
            this.#show(plan);
            this.#onFinished();
          },
          (error: unknown) => this.#fail(error),
        );
      },
      onFailed: (event) => {
        if (this.id !== id) return;
        this.failure = event.error;
        this.phase = 'failed';
        this.#onFinished();
      },
      onLost: () => {
        if (this.id === id) this.#fail(new ApiError({ status: 0, code: 'STREAM_LOST', message: 'The progress stream was lost.', path: `/api/plans/${id}/events` }));
      },
    });
  }

  #show(plan: PlanDetail): void {
    this.plan = plan;
    this.failure = plan.error;
    this.phase = plan.status === 'done' ? 'done' : 'failed';
  }

  #fail(error: unknown): void {
    // The API's refusals (infeasible, unsupported) are the planner's to read; other failures are described generically.
    if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
      this.failure = { code: error.code, message: error.message, params: error.params };
    } else {
      this.error = error;
    }
    this.phase = 'failed';
  }

  #reset(phase: RunPhase): void {
    this.#shown += 1;
    this.#stopWatching?.();
    this.#stopWatching = null;
    this.cancelled = false;
    this.phase = phase;
    this.id = null;
    this.progress = [];
    this.plan = null;
    this.failure = null;
    this.error = null;
  }
}
