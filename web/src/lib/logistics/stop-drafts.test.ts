import { describe, expect, it } from 'vitest';
import type { NeedSignalFeature } from '$lib/org-layers/org-layer-types';
import { mergeStops, stopsFromNeedSignals } from './stop-drafts';

function signal(settlementCode: string, name: string, households: number | null, householdsBelowThreshold: boolean): NeedSignalFeature {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [20.7, 48.2] },
    properties: { settlementCode, name, households, householdsBelowThreshold, persons: null, personsBelowThreshold: false, categories: ['food'], urgent: false, latest: null },
  };
}

describe('stopsFromNeedSignals', () => {
  it('delivers a parcel per signalled household, the most a withheld count can be, and one where no count was given', () => {
    const stops = stopsFromNeedSignals([signal('16054', 'Sajószentpéter', 12, false), signal('06691', 'Kazincbarcika', null, true), signal('27410', 'Putnok', null, false)]);
    expect(stops.map((stop) => [stop.settlementCode, stop.delivery, stop.amountSource])).toEqual([
      ['16054', 12, 'households'],
      ['06691', 4, 'withheld'],
      ['27410', 1, 'no-count'],
    ]);
    expect(stops[0]!.position).toEqual([20.7, 48.2]);
  });

  it('keeps one stop per settlement when lists are merged', () => {
    const first = stopsFromNeedSignals([signal('16054', 'Sajószentpéter', 12, false)]);
    const edited = [{ ...first[0]!, delivery: 20 }];
    const merged = mergeStops(edited, stopsFromNeedSignals([signal('16054', 'Sajószentpéter', 12, false), signal('27410', 'Putnok', 6, false)]));
    expect(merged.map((stop) => [stop.key, stop.delivery])).toEqual([['16054', 20], ['27410', 6]]);
  });
});
