import { describe, expect, it } from 'vitest';
import type { Bbox } from '$lib/api/contract';
import { mergeDetail, UnitGeometryLoader } from './unit-geometry-loader';
import type { UnitCollection, UnitFeature, UnitLayerId } from './unit-layer-types';

function unit(code: string, size: number): UnitFeature {
  return {
    type: 'Feature',
    properties: { code, name: code },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [size, 0],
          [size, size],
          [0, 0],
        ],
      ],
    },
  };
}

function collection(...features: UnitFeature[]): UnitCollection {
  return { type: 'FeatureCollection', features };
}

/** Records the requests and answers with one unit per request, tagged by zoom. */
function recordingFetch() {
  const calls: { layerId: UnitLayerId; zoom: number; bbox?: Bbox }[] = [];
  const fetchLayer = async (layerId: UnitLayerId, zoom: number, bbox?: Bbox) => {
    calls.push({ layerId, zoom, bbox });
    return bbox ? collection(unit('a', zoom)) : collection(unit('a', zoom), unit('b', zoom));
  };
  return { calls, fetchLayer };
}

const country = { zoom: 7, bbox: [16, 45.7, 22.9, 48.6] as Bbox };
const city = { zoom: 11.2, bbox: [18.3, 47.1, 18.6, 47.3] as Bbox };

describe('mergeDetail', () => {
  it('replaces coarse units by detailed ones with the same code', () => {
    const merged = mergeDetail(collection(unit('a', 1), unit('b', 1)), collection(unit('a', 2)));
    expect(merged.features.map((feature) => [feature.properties.code, feature.geometry.coordinates[0]?.[1]?.[0]])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
  });
});

describe('UnitGeometryLoader', () => {
  it('fetches the whole country once per layer and zoom bucket', async () => {
    const { calls, fetchLayer } = recordingFetch();
    const loader = new UnitGeometryLoader(fetchLayer);
    const first = await loader.load('counties', country, { byBbox: false });
    const again = await loader.load('counties', { ...country, zoom: 6 }, { byBbox: false });
    expect(again).toBe(first);
    await loader.load('counties', { ...country, zoom: 8.5 }, { byBbox: false });
    expect(calls).toEqual([
      { layerId: 'counties', zoom: 7, bbox: undefined },
      { layerId: 'counties', zoom: 8, bbox: undefined },
    ]);
  });

  it('loads detail around the viewport and reuses it while the view stays inside', async () => {
    const { calls, fetchLayer } = recordingFetch();
    const loader = new UnitGeometryLoader(fetchLayer);
    const merged = await loader.load('settlements', city, { byBbox: true });
    expect(merged.features.map((feature) => feature.properties.code).sort()).toEqual(['a', 'b']);
    const detailCall = calls.find((call) => call.bbox);
    expect(detailCall?.zoom).toBe(10);
    expect(detailCall?.bbox?.[0]).toBeLessThan(city.bbox[0]);

    const panned = { zoom: 11.5, bbox: [18.35, 47.12, 18.62, 47.31] as Bbox };
    expect(await loader.load('settlements', panned, { byBbox: true })).toBe(merged);
    expect(calls.filter((call) => call.bbox)).toHaveLength(1);
  });
});
