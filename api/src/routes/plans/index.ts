import {
  deletePlanScenario,
  listPlanScenarios,
  readPlanScenario,
  type Engine,
  type PlanDetail,
  type PlanDoneEvent,
  type PlanFailedEvent,
  type PlanScenario,
  type PlanStarted,
} from '@terep/db';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { actorOf } from '../../audit/actor.ts';
import { ApiError } from '../../http/api-error.ts';
import { parseParam, recordIdSchema } from '../../http/parse-query.ts';
import type { JobEvent } from '../../jobs/job-registry.ts';
import { JobRefusedError } from '../../jobs/job-slots.ts';
import { readPlanBody } from './plan-body.ts';
import { apiErrorOf } from './plan-errors.ts';
import { PlanRunner, type PlanRunnerOptions } from './plan-runner.ts';

const idSchema = recordIdSchema('a plan id');

const INTERRUPTED = { code: 'INTERRUPTED', message: 'The server stopped before this plan finished: run it again.', params: {} };

/**
 * Siting plans: `POST` starts a run (202 with its id; 400 when the request is
 * infeasible), progress streams as server-sent events, every run is kept as a
 * scenario to reopen, compare or delete.
 */
export function planRoutes(engine: Engine, options: PlanRunnerOptions = {}): Hono {
  const runner = new PlanRunner(engine, options);

  /** A scenario as stored, with a run this process no longer knows (a restart) reported as interrupted. */
  const current = <T extends PlanScenario>(scenario: T): T =>
    scenario.status === 'running' && !runner.registry.get(String(scenario.id)) ? { ...scenario, status: 'failed', error: INTERRUPTED } : scenario;

  const find = async (id: number) => {
    const scenario = await readPlanScenario(engine.db, id);
    if (!scenario) throw new ApiError(404, 'PLAN_NOT_FOUND', `No plan #${id}.`, { id });
    return current(scenario);
  };

  return new Hono()
    .get('/', async (c) => c.json({ plans: (await listPlanScenarios(engine.db)).map(current) }))
    .post('/', async (c) => {
      const body = await readPlanBody(c);
      try {
        return c.json<PlanStarted>({ id: await runner.start(body, c.get('user')) }, 202);
      } catch (error) {
        // A refused job is answered by handleError (429 with the limit, or 503 while stopping).
        throw error instanceof JobRefusedError ? error : apiErrorOf(error);
      }
    })
    .get('/:id', async (c) => {
      const scenario = await find(parseParam('id', c.req.param('id'), idSchema));
      const job = runner.registry.get(String(scenario.id));
      return c.json<PlanDetail>({ ...scenario, progress: [...(job?.progress ?? [])] });
    })
    .get('/:id/events', async (c) => {
      const scenario = await find(parseParam('id', c.req.param('id'), idSchema));
      const id = scenario.id;
      return streamSSE(c, async (stream) => {
        // Writes are queued so events leave in the order they happened.
        let writing = Promise.resolve();
        const send = (event: JobEvent<unknown, unknown>): void => {
          const message =
            event.type === 'progress'
              ? { event: 'progress', data: JSON.stringify(event.progress) }
              : event.type === 'done'
                ? { event: 'done', data: JSON.stringify({ id, summary: event.result } as PlanDoneEvent) }
                : { event: 'failed', data: JSON.stringify({ id, error: event.error } as PlanFailedEvent) };
          writing = writing.then(() => stream.writeSSE(message));
        };
        await new Promise<void>((resolve) => {
          const end = (): void => void writing.then(resolve, resolve);
          const unsubscribe = runner.registry.subscribe(String(id), (event) => {
            send(event);
            if (event.type !== 'progress') end();
          });
          if (!unsubscribe) {
            // Finished before this process started (or forgotten since): the stored outcome is the whole story.
            if (scenario.status === 'done' && scenario.summary) send({ type: 'done', result: scenario.summary });
            else send({ type: 'failed', error: scenario.error ?? INTERRUPTED });
            end();
            return;
          }
          stream.onAbort(() => {
            unsubscribe();
            resolve();
          });
        });
      });
    })
    .delete('/:id', async (c) => {
      const id = parseParam('id', c.req.param('id'), idSchema);
      runner.cancel(id);
      if (!(await deletePlanScenario(engine.db, id, actorOf(c.get('user'))))) throw new ApiError(404, 'PLAN_NOT_FOUND', `No plan #${id}.`, { id });
      return c.json({ id, deleted: true });
    });
}
