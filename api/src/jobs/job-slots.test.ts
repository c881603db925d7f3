import { describe, expect, it } from 'vitest';
import { JobRefusedError, JobSlots } from './job-slots.ts';

function refusal(action: () => unknown): JobRefusedError {
  try {
    action();
  } catch (error) {
    if (error instanceof JobRefusedError) return error;
    throw error;
  }
  throw new Error('the job was not refused');
}

describe('JobSlots', () => {
  it('refuses a second job of one user, and any job beyond the total', () => {
    const slots = new JobSlots({ total: 2, perUser: 1 });
    const first = slots.take(1);
    expect(refusal(() => slots.take(1))).toMatchObject({ reason: 'user-limit', limit: 1, running: 1 });
    slots.take(2);
    expect(refusal(() => slots.take(3))).toMatchObject({ reason: 'server-limit', limit: 2, running: 2 });
    first.release();
    first.release();
    expect(slots.running).toBe(1);
    slots.take(3);
    expect(slots.running).toBe(2);
  });

  it('counts jobs without a user against the total only', () => {
    const slots = new JobSlots({ total: 2, perUser: 1 });
    slots.take(undefined);
    slots.take(undefined);
    expect(refusal(() => slots.take(undefined)).reason).toBe('server-limit');
  });

  it('aborts running jobs and refuses new ones when stopped', () => {
    const slots = new JobSlots();
    const slot = slots.take(1);
    slots.stopAll();
    expect(slot.signal.aborted).toBe(true);
    expect(refusal(() => slots.take(2)).reason).toBe('stopping');
  });
});
