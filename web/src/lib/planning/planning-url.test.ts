import { describe, expect, it } from 'vitest';
import { logisticsViewQuery, parseLogisticsView } from '$lib/logistics/logistics-url';
import { parsePlanningView, planningViewQuery } from './planning-url';

describe('the saved plan in the planning and logistics addresses', () => {
  it('round-trips the plan and route scenario ids', () => {
    expect(parsePlanningView(new URLSearchParams('plan=12'))).toEqual({ view: { plan: 12 }, ignored: [] });
    expect(planningViewQuery({ plan: 12 }).toString()).toBe('plan=12');
    expect(planningViewQuery({ plan: null }).toString()).toBe('');
    expect(parseLogisticsView(new URLSearchParams('scenario=7'))).toEqual({ view: { scenario: 7, allocation: null, warehouse: null }, ignored: [] });
    expect(parseLogisticsView(new URLSearchParams('allocation=3&warehouse=x'))).toEqual({ view: { scenario: null, allocation: 3, warehouse: null }, ignored: [{ name: 'warehouse', value: 'x' }] });
    expect(logisticsViewQuery({ scenario: 7, allocation: null, warehouse: null }).toString()).toBe('scenario=7');
    expect(logisticsViewQuery({ scenario: null, allocation: 3, warehouse: 5 }).toString()).toBe('allocation=3&warehouse=5');
  });

  it('ignores an id that is no plain positive number', () => {
    for (const text of ['0', '-3', '1e3', '0x10', 'abc', '12.5', '1234567890']) {
      expect(parsePlanningView(new URLSearchParams(`plan=${text}`)), text).toEqual({ view: { plan: null }, ignored: [{ name: 'plan', value: text }] });
    }
  });
});
