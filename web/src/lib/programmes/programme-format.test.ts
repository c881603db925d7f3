import { describe, expect, it } from 'vitest';
import { budgetText, monthsBetween, periodText } from './programme-format';

describe('programme formats', () => {
  it('lists every month between two, across a year end', () => {
    expect(monthsBetween('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(monthsBetween('2024-05', '2024-05')).toEqual(['2024-05']);
  });

  it('words a period with an open end and a budget in both languages', () => {
    expect(periodText('2017-01-01', null, 'hu', 'nyitott')).toBe('2017. 01. 01. – nyitott');
    expect(periodText(null, null, 'en', 'open')).toBeNull();
    expect(budgetText(1250000, 'hu')).toBe('1\u00a0250\u00a0000\u00a0Ft');
    expect(budgetText(1250000, 'en')).toBe('HUF\u00a01,250,000');
  });
});
