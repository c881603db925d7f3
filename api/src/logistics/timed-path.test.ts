import { describe, expect, it } from 'vitest';
import { joinTimedLegs } from './timed-path.ts';

describe('joinTimedLegs', () => {
  it('shares each leg\'s time along its length and waits at the stops', () => {
    const joined = joinTimedLegs([
      { path: [[19, 47], [19.01, 47], [19.03, 47]], leave: 480, arrive: 510 },
      { path: [[19.03, 47], [19, 47]], leave: 520, arrive: 550 },
    ]);
    expect(joined.path).toEqual([[19, 47], [19.01, 47], [19.03, 47], [19.03, 47], [19, 47]]);
    expect(joined.times.map((time) => Number(time.toFixed(6)))).toEqual([480, 490, 510, 520, 550]);
  });

  it('does not repeat a vertex where the van does not stop', () => {
    const joined = joinTimedLegs([
      { path: [[19, 47], [19, 47.1]], leave: 0, arrive: 10 },
      { path: [[19, 47.1], [19, 47.2]], leave: 10, arrive: 20 },
    ]);
    expect(joined.path).toHaveLength(3);
    expect(joined.times).toEqual([0, 10, 20]);
  });
});
