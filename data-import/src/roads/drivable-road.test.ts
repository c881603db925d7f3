import { describe, expect, it } from 'vitest';
import { drivableRoad } from './drivable-road.ts';

describe('drivableRoad', () => {
  it('keeps the car classes with their default speeds and drops paths', () => {
    expect(drivableRoad({ highway: 'residential' })).toEqual({ highway: 'residential', speedKmh: 40, maxspeed: null, oneway: 0 });
    expect(drivableRoad({ highway: 'primary_link' })?.speedKmh).toBe(50);
    for (const highway of ['footway', 'cycleway', 'path', 'steps', 'pedestrian', 'construction', 'proposed', 'bus_stop']) {
      expect(drivableRoad({ highway })).toBeNull();
    }
  });

  it('takes the speed from maxspeed when it gives a number', () => {
    expect(drivableRoad({ highway: 'secondary', maxspeed: 'HU:urban' })).toMatchObject({ speedKmh: 50, maxspeed: 'HU:urban' });
    expect(drivableRoad({ highway: 'secondary', maxspeed: '25 mph' })?.speedKmh).toBeCloseTo(40.23, 2);
    expect(drivableRoad({ highway: 'secondary', maxspeed: 'signals' })?.speedKmh).toBe(70);
  });

  it('reads one-way streets, roundabouts and motorways', () => {
    expect(drivableRoad({ highway: 'residential', oneway: 'yes' })?.oneway).toBe(1);
    expect(drivableRoad({ highway: 'residential', oneway: 'true' })?.oneway).toBe(1);
    expect(drivableRoad({ highway: 'residential', oneway: '1' })?.oneway).toBe(1);
    expect(drivableRoad({ highway: 'residential', oneway: '-1' })?.oneway).toBe(-1);
    expect(drivableRoad({ highway: 'tertiary', junction: 'roundabout' })?.oneway).toBe(1);
    expect(drivableRoad({ highway: 'tertiary', junction: 'roundabout', oneway: 'no' })?.oneway).toBe(0);
    expect(drivableRoad({ highway: 'motorway' })?.oneway).toBe(1);
    expect(drivableRoad({ highway: 'motorway_link' })?.oneway).toBe(1);
    expect(drivableRoad({ highway: 'residential', oneway: 'reversible' })).toBeNull();
  });

  it('keeps solid tracks only, and honours closed access', () => {
    expect(drivableRoad({ highway: 'track', tracktype: 'grade1' })?.speedKmh).toBe(15);
    expect(drivableRoad({ highway: 'track', tracktype: 'grade4' })).toBeNull();
    expect(drivableRoad({ highway: 'track' })).toBeNull();
    expect(drivableRoad({ highway: 'service', access: 'private' })).toBeNull();
    expect(drivableRoad({ highway: 'service', access: 'no', motor_vehicle: 'yes' })?.highway).toBe('service');
    expect(drivableRoad({ highway: 'unclassified', motorcar: 'no' })).toBeNull();
    expect(drivableRoad({ highway: 'service', area: 'yes' })).toBeNull();
  });
});
