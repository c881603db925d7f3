import { describe, expect, it } from 'vitest';
import { JobRegistry, type JobEvent } from './job-registry.ts';

describe('JobRegistry', () => {
  it('replays past progress to a late subscriber, then streams live events up to the answer', () => {
    const registry = new JobRegistry<number, string>();
    registry.start('a');
    registry.report('a', 1);
    const events: JobEvent<number, string>[] = [];
    registry.subscribe('a', (event) => events.push(event));
    registry.report('a', 2);
    registry.finish('a', 'answer');
    registry.report('a', 3);
    expect(events).toEqual([
      { type: 'progress', progress: 1 },
      { type: 'progress', progress: 2 },
      { type: 'done', result: 'answer' },
    ]);
    expect(registry.get('a')).toMatchObject({ state: 'done', result: 'answer', progress: [1, 2] });
  });

  it('gives a finished job its whole history and its failure', () => {
    const registry = new JobRegistry<number, string>();
    registry.start('b');
    registry.fail('b', { code: 'INFEASIBLE', message: 'p exceeds the candidates' });
    const events: JobEvent<number, string>[] = [];
    registry.subscribe('b', (event) => events.push(event));
    expect(events).toEqual([{ type: 'failed', error: { code: 'INFEASIBLE', message: 'p exceeds the candidates' } }]);
    expect(registry.subscribe('unknown', () => undefined)).toBeUndefined();
  });

  it('aborts a cancelled job, ends its streams and forgets it', () => {
    const registry = new JobRegistry<number, string>();
    const job = registry.start('c');
    const events: JobEvent<number, string>[] = [];
    registry.subscribe('c', (event) => events.push(event));
    registry.cancel('c');
    expect(job.signal.aborted).toBe(true);
    expect(events).toEqual([{ type: 'failed', error: { code: 'CANCELLED', message: 'The job was cancelled.', params: {} } }]);
    expect(registry.get('c')).toBeUndefined();
  });

  it('keeps only the most recent finished jobs', () => {
    const registry = new JobRegistry<number, number>({ keepFinished: 2 });
    for (const id of ['1', '2', '3']) {
      registry.start(id);
      registry.finish(id, Number(id));
    }
    registry.start('4');
    expect(['1', '2', '3', '4'].map((id) => registry.get(id)?.state)).toEqual([undefined, 'done', 'done', 'running']);
  });
});
