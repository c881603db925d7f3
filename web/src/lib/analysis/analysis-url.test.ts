import { describe, expect, it } from 'vitest';
import { analysisViewQuery, DEFAULT_ANALYSIS_VIEW, parseAnalysisView } from './analysis-url';

describe('the analysis view in the address', () => {
  it('round-trips every param', () => {
    const queries = [
      'types=social-kitchen,family-support&unit=minutes&reach=25.5&rankBy=need-signals&hex=indicator&hexIndicator=population_density&smooth=1',
      'tab=catchments&mode=capacitated&demand=households&maxKm=40',
      'tab=needIndex&index=my_index&hex=households',
    ];
    for (const query of queries) {
      const { view, ignored } = parseAnalysisView(new URLSearchParams(query));
      expect(ignored, query).toEqual([]);
      expect(decodeURIComponent(analysisViewQuery(view).toString()), query).toBe(query);
    }
    expect(parseAnalysisView(new URLSearchParams(queries[0])).view.coverage).toEqual({ types: ['social-kitchen', 'family-support'], unit: 'minutes', reach: 25.5, rankBy: 'need-signals' });
  });

  it('writes nothing for the defaults', () => {
    expect(analysisViewQuery(DEFAULT_ANALYSIS_VIEW).toString()).toBe('');
    expect(parseAnalysisView(new URLSearchParams(''))).toEqual({ view: DEFAULT_ANALYSIS_VIEW, ignored: [] });
  });

  it('ignores values it cannot use and names them, keeping the rest', () => {
    const { view, ignored } = parseAnalysisView(new URLSearchParams('tab=maps&types=social-kitchen&reach=9999&mode=fastest&demand=cats&maxKm=-3&index=Bad Key&hex=rainbow&smooth=yes'));
    expect(view).toEqual(DEFAULT_ANALYSIS_VIEW);
    expect(ignored.map((param) => param.name)).toEqual(['tab', 'reach', 'types', 'mode', 'demand', 'maxKm', 'index', 'hex', 'smooth']);
  });

  it('needs both the types and the reach to show a coverage', () => {
    expect(parseAnalysisView(new URLSearchParams('reach=15')).ignored).toEqual([{ name: 'reach', value: '15' }]);
    expect(parseAnalysisView(new URLSearchParams('types=social-kitchen')).ignored).toEqual([{ name: 'types', value: 'social-kitchen' }]);
  });
});
