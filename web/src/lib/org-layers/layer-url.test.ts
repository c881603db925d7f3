import { describe, expect, it } from 'vitest';
import { mapLinkFor, parseLayerParams, withLayerParams } from './layer-url';

describe('parseLayerParams', () => {
  it('reads the known layers and the import to zoom to', () => {
    expect(parseLayerParams(new URLSearchParams('layers=warehouses,bogus,institutions&import=12'))).toEqual({
      layers: ['institutions', 'warehouses'],
      importId: 12,
    });
    expect(parseLayerParams(new URLSearchParams('import=x'))).toEqual({ layers: [], importId: null });
  });
});

describe('withLayerParams', () => {
  it('writes the shown layers readably and drops the one-off import focus', () => {
    const url = withLayerParams(new URL('http://terep.test/?layers=institutions&import=3&lang=hu'), ['need-signals', 'institutions']);
    expect(url.search).toBe('?layers=institutions,need-signals&lang=hu');
    expect(withLayerParams(new URL('http://terep.test/?layers=institutions'), []).search).toBe('');
  });
});

describe('mapLinkFor', () => {
  it('links the dashboard with the kind\'s layer on, zoomed to the import', () => {
    expect(mapLinkFor('segregated-areas', 4)).toBe('/?layers=segregated-areas&import=4');
    expect(mapLinkFor('unknown', null)).toBe('/');
  });
});
