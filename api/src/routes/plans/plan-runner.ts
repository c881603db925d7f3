import { performance } from 'node:perf_hooks';
import {
  completePlanScenario,
  createPlanScenario,
  deletePlanScenario,
  failPlanScenario,
  type Engine,
  type PlanError,
  type PlanProgress,
  type PlanSummary,
  type SessionUser,
} from '@terep/db';
import { actorOf } from '../../audit/actor.ts';
import { JobRegistry } from '../../jobs/job-registry.ts';
import { JobSlots } from '../../jobs/job-slots.ts';
import { runInWorker } from '../../jobs/run-in-worker.ts';
import { checkRequest } from '../../planning/check-request.ts';
import type { SolvePlanTaskInput, SolvePlanTaskOutput } from '../../planning/solve-plan-task.ts';
import type { SolveProgress } from '../../planning/solve-plan.ts';
import { describePlan, summariseOutcome } from './describe-plan.ts';
import { loadPlanInputs, type PlanInputs } from './load-plan-inputs.ts';
import type { PlanBody } from './plan-body.ts';
import { planErrorOf } from './plan-errors.ts';

const SOLVE_TASK = new URL('../../planning/solve-plan-task.ts', import.meta.url);
/** Plans are reproducible: one seed for every run. */
const SEED = 1;

export interface PlanRunnerOptions {
  /**
   * How long `start` waits for the inputs, distances and feasibility checks before
   * answering: a request found infeasible within it is refused at once (no scenario
   * is kept); a slower preparation (a large road-network matrix) goes on in the background.
   * 0 answers at once and reports every failure through the run's events. Default 10 s.
   */
  prepareWaitMs?: number;
  /** The server's solver slots, shared with the route searches; a runner of its own by default. */
  jobs?: JobSlots;
}

export type PlanRegistry = JobRegistry<PlanProgress, PlanSummary>;

/**
 * Runs plans: a scenario row names each run, inputs and distances are prepared
 * on this thread, the solver runs in a worker thread, progress goes to the job
 * registry (and from there to event streams), the outcome to the scenario table.
 */
export class PlanRunner {
  readonly registry: PlanRegistry = new JobRegistry();
  readonly #engine: Engine;
  readonly #prepareWaitMs: number;
  readonly #jobs: JobSlots;

  constructor(engine: Engine, options: PlanRunnerOptions = {}) {
    this.#engine = engine;
    this.#prepareWaitMs = options.prepareWaitMs ?? 10_000;
    this.#jobs = options.jobs ?? new JobSlots();
  }

  /**
   * Starts a run for `user` (audited, and limited to their share of the solver slots) and resolves
   * with its id; rejects when the request fails its checks within the wait, or with a
   * JobRefusedError when no solver slot is free.
   */
  async start(body: PlanBody, user: SessionUser): Promise<number> {
    const db = this.#engine.db;
    const actor = actorOf(user);
    // The slot is held from the inputs (distances can take a while) to the stored outcome.
    const slot = this.#jobs.take(user.id);
    let id: number;
    try {
      id = await createPlanScenario(db, { name: body.name ?? defaultName(body), request: body }, actor);
    } catch (error) {
      slot.release();
      throw error;
    }
    const key = String(id);
    const job = this.registry.start(key);
    slot.signal.addEventListener('abort', () => this.registry.cancel(key), { once: true });
    const started = performance.now();
    // Objectives on need-signal counts are counts (or give them away): the progress every role can follow leaves them out.
    const counts = body.weight.kind === 'need-signals';
    const report = ({ objective, bound, ...progress }: Omit<PlanProgress, 'elapsedSeconds'>): void =>
      this.registry.report(key, {
        ...progress,
        ...(counts ? {} : { objective, bound }),
        elapsedSeconds: Number(((performance.now() - started) / 1000).toFixed(2)),
      });

    const prepared = (async (): Promise<PlanInputs> => {
      const inputs = await loadPlanInputs(this.#engine, body, report);
      checkRequest(inputs.instance, inputs.request);
      return inputs;
    })();
    const early = this.#prepareWaitMs > 0 ? await settledWithin(prepared, this.#prepareWaitMs) : null;
    if (early) {
      this.registry.cancel(key);
      slot.release();
      await deletePlanScenario(db, id, actor);
      throw early.error;
    }

    void prepared
      .then(async (inputs) => {
        const { instance } = inputs;
        const input: SolvePlanTaskInput = {
          instance: {
            demandIds: instance.demandIds,
            candidateIds: instance.candidateIds,
            weights: instance.weights,
            distances: instance.distances,
            fixedOpen: instance.fixedOpen,
            capacities: instance.capacities,
          },
          request: inputs.request,
          method: body.method,
          timeLimitSeconds: body.timeLimitSeconds,
          seed: SEED,
        };
        const output = await runInWorker<SolvePlanTaskInput, SolvePlanTaskOutput, SolveProgress>(SOLVE_TASK, 'solvePlanTask', input, {
          signal: job.signal,
          onProgress: (progress) => report(progress),
        });
        report({ stage: 'saving', objective: output.result.objective, bound: output.result.bound, gap: output.result.gap });
        const outcome = describePlan(inputs, output.result, output.seconds);
        const summary = summariseOutcome(outcome);
        await completePlanScenario(db, id, { summary, sites: outcome.sites, result: outcome });
        this.registry.finish(key, summary);
      })
      .catch(async (error: unknown) => {
        if (job.signal.aborted) return;
        const planError: PlanError = planErrorOf(error);
        await failPlanScenario(db, id, planError).catch((failure: unknown) => console.error(`[plans] could not record the failure of plan ${id}:`, failure));
        this.registry.fail(key, planError);
      })
      .finally(() => slot.release());
    return id;
  }

  /** Stops a running plan (its worker is terminated); a finished one is only forgotten here. */
  cancel(id: number): void {
    this.registry.cancel(String(id));
  }
}

/** The failure of `work` if it fails within `ms`; null if it succeeds or is still going then. */
async function settledWithin(work: Promise<unknown>, ms: number): Promise<{ error: unknown } | null> {
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    work.then(() => null, (error: unknown) => ({ error })),
    new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms))),
  ]);
  clearTimeout(timer);
  return outcome;
}

const MODEL_NAMES: Record<PlanBody['model'], string> = { pmedian: 'p-median', mclp: 'MCLP', lscp: 'LSCP', pcenter: 'p-center' };

function defaultName(body: PlanBody): string {
  const reach = body.reachKm !== undefined ? `${body.reachKm} km` : body.reachMinutes !== undefined ? `${body.reachMinutes} min` : '';
  return [MODEL_NAMES[body.model], body.p !== undefined ? `p = ${body.p}` : '', reach, body.serviceType].filter(Boolean).join(', ');
}
