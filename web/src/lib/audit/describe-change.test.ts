import { describe, expect, it } from 'vitest';
import { describeChange } from './describe-change';

describe('describeChange', () => {
  it('lists only the values an update changed', () => {
    expect(describeChange({ households: 3, urgency: 'high', organisation: 'A' }, { households: 7, urgency: 'high', organisation: 'A' }))
      .toEqual([{ key: 'households', before: '3', after: '7' }]);
  });

  it('lists every value of a creation or a deletion, nested values as JSON', () => {
    expect(describeChange(null, { name: 'X', components: [{ weight: 1 }] })).toEqual([
      { key: 'name', before: '–', after: 'X' },
      { key: 'components', before: '–', after: '[{"weight":1}]' },
    ]);
    expect(describeChange({ id: 4 }, null)).toEqual([{ key: 'id', before: '4', after: '–' }]);
  });
});
