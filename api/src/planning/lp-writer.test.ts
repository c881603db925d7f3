import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import { MilpBuilder } from './exact/milp-model.ts';
import { writeLpFormat } from './lp-writer.ts';

describe('writeLpFormat', () => {
  it('writes a model another solver reads back to the same optimum (offset, ranges, integers, free bounds)', async () => {
    const builder = new MilpBuilder('minimize');
    const x = builder.addColumn('x', 3, 0, 10, true);
    const y = builder.addColumn('y', -2, -Infinity, Infinity);
    const z = builder.addBinary('z', 0.5);
    builder.addRow('range', [x, y], [1, 1], 2, 6);
    builder.addRow('cap', [y, z], [1, -4], -Infinity, 1.25);
    builder.addRow('eq', [x, z], [1, 1], 3, 3);
    builder.addOffset(7);
    const text = writeLpFormat(builder.build());
    expect(text).toMatch(/^Minimize\n obj: 3 x - 2 y \+ 0.5 z \+ 7 objective_offset\n/);
    expect(text).toContain(' range_lo: x + y >= 2');
    expect(text).toContain(' y free');
    const highs = await loadHighs();
    const result = highs.solve(text, { output_flag: false } as Parameters<typeof highs.solve>[1]);
    // x = 3 (z = 0) or x = 2 (z = 1): y as large as allowed; min of 9 − 2·3 + 7 = 10 and 6 + 0.5 − 2·4 ... see below.
    // Worked out: z = 1 → x = 2, y ≤ min(6 − 2, 1.25 + 4) = 4 → 6 − 8 + 0.5 + 7 = 5.5; z = 0 → x = 3, y ≤ min(3, 1.25) → 9 − 2.5 + 7 = 13.5.
    expect(result.Status).toBe('Optimal');
    expect(result.ObjectiveValue).toBeCloseTo(5.5, 9);
  });

  it('wraps long rows so no line grows with the row length', () => {
    const builder = new MilpBuilder('maximize');
    const columns = Array.from({ length: 100 }, (_, index) => builder.addBinary(`v${index}`, 1));
    builder.addRow('all', columns, columns.map(() => 1), -Infinity, 5);
    const longest = Math.max(...writeLpFormat(builder.build()).split('\n').map((line) => line.length));
    expect(longest).toBeLessThan(120);
  });
});
