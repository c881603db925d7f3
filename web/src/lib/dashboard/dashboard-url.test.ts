import { describe, expect, it } from 'vitest';
import { dashboardLinkOf } from '$lib/need-index/need-index-eligibility';
import { mapLinkFor } from '$lib/org-layers/layer-url';
import { dashboardViewQuery, DEFAULT_DASHBOARD_VIEW, parseDashboardView } from './dashboard-url';

describe('the dashboard view in the address', () => {
  it('round-trips every param', () => {
    const query = 'level=district&indicator=population_change_2011_2024&year=2024&layers=institutions,need-signals&hide=family-support,social-kitchen&categories=food,heating&size=persons';
    const { view, ignored } = parseDashboardView(new URLSearchParams(query));
    expect(ignored).toEqual([]);
    expect(view).toEqual({
      level: 'district',
      indicator: 'population_change_2011_2024',
      year: 2024,
      layers: ['institutions', 'need-signals'],
      hiddenTypes: ['family-support', 'social-kitchen'],
      categories: ['food', 'heating'],
      size: 'persons',
      importId: null,
    });
    expect(decodeURIComponent(dashboardViewQuery(view).toString())).toBe(query);
  });

  it('writes nothing for the defaults, and no categories when all are shown', () => {
    expect(dashboardViewQuery(DEFAULT_DASHBOARD_VIEW).toString()).toBe('');
    const all = parseDashboardView(new URLSearchParams('categories=food,heating,clothing,health,housing,child-welfare,debt,other&size=households')).view;
    expect(dashboardViewQuery(all).toString()).toBe('');
    // None shown is a choice of its own.
    const none = parseDashboardView(new URLSearchParams('categories=')).view;
    expect(none.categories).toEqual([]);
    expect(dashboardViewQuery(none).toString()).toBe('categories=');
  });

  it('keeps the import focus of a link from the import page but never writes it back', () => {
    const { view } = parseDashboardView(new URLSearchParams('layers=warehouses&import=12'));
    expect(view).toMatchObject({ layers: ['warehouses'], importId: 12 });
    expect(dashboardViewQuery(view).toString()).toBe('layers=warehouses');
  });

  it('ignores values it cannot use and names them, keeping the rest', () => {
    const { view, ignored } = parseDashboardView(
      new URLSearchParams('level=planet&indicator=DROP TABLE&year=twenty&layers=institutions,bogus&categories=food,gold&size=tons&import=x&hide=Bad Key'),
    );
    expect(view).toEqual({ ...DEFAULT_DASHBOARD_VIEW, layers: ['institutions'], categories: ['food'] });
    expect(ignored).toEqual([
      { name: 'level', value: 'planet' },
      { name: 'indicator', value: 'DROP TABLE' },
      { name: 'year', value: 'twenty' },
      { name: 'layers', value: 'bogus' },
      { name: 'hide', value: 'Bad Key' },
      { name: 'categories', value: 'gold' },
      { name: 'size', value: 'tons' },
      { name: 'import', value: 'x' },
    ]);
  });
});

describe('links into the dashboard from other pages', () => {
  it('opens a saved need index ("show on the dashboard") and an import\'s layer', () => {
    const index = parseDashboardView(new URL(dashboardLinkOf('my_need_index'), 'http://terep.test').searchParams);
    expect(index).toEqual({ view: { ...DEFAULT_DASHBOARD_VIEW, level: 'settlement', indicator: 'my_need_index' }, ignored: [] });
    const imported = parseDashboardView(new URL(mapLinkFor('institutions', 4), 'http://terep.test').searchParams);
    expect(imported.view).toMatchObject({ layers: ['institutions'], importId: 4 });
  });
});
