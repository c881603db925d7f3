import { describe, expect, it } from 'vitest';
import { parseMapPosition, samePosition, withoutPosition, writeMapPosition } from './map-position';

describe('map position in the address', () => {
  it('round-trips a position, rounded to what the address keeps', () => {
    const search = new URLSearchParams('level=district');
    writeMapPosition(search, { lon: 19.512345678, lat: 47.2000001, z: 7.123456 });
    expect(search.toString()).toBe('level=district&lon=19.5123&lat=47.2&z=7.12');
    expect(parseMapPosition(search)).toEqual({ position: { lon: 19.5123, lat: 47.2, z: 7.12 }, ignored: [] });
    expect(samePosition({ lon: 19.51231, lat: 47.2, z: 7.12 }, { lon: 19.51229, lat: 47.20001, z: 7.1201 })).toBe(true);
    expect(withoutPosition(search).toString()).toBe('level=district');
  });

  it('has no position without the params', () => {
    expect(parseMapPosition(new URLSearchParams('level=county'))).toEqual({ position: null, ignored: [] });
  });

  it('ignores a position outside the map, out of the zoom range, incomplete or not a plain number, naming the params', () => {
    for (const query of ['lon=19&lat=47&z=20', 'lon=120&lat=47&z=7', 'lon=19&lat=47', 'lon=1e1&lat=47&z=7', 'lon=19&lat=abc&z=7', 'lon=0x13&lat=47&z=7']) {
      const { position, ignored } = parseMapPosition(new URLSearchParams(query));
      expect(position, query).toBeNull();
      expect(ignored.map((param) => param.name), query).toEqual(['lon', 'lat', 'z']);
    }
  });
});
