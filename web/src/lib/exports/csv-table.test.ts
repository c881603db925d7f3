import { describe, expect, it } from 'vitest';
import { tableCsv, tableGeoJson } from './csv-table';
import type { DataTable } from './export-types';

const TABLE: DataTable = {
  id: 'need-signals',
  title: 'Szükségletjelzések',
  columns: [
    { key: 'code', label: 'KSH-kód' },
    { key: 'name', label: 'Név' },
    { key: 'households', label: 'Háztartások' },
    { key: 'share', label: 'Arány; %' },
  ],
  rows: [
    { code: '23074', name: 'Horváthertelend', households: '<5', share: 12.25 },
    { code: '05069', name: 'Miskolc "belváros"', households: 1250, share: null },
  ],
  geometries: [{ type: 'Point', coordinates: [17.93, 46.17] }, null],
};

describe('data table exports', () => {
  it('write Hungarian Excel CSV: BOM, semicolons, decimal commas, quoted separators, "<5" as shown', () => {
    expect(tableCsv(TABLE, 'hu')).toBe(
      '\uFEFFKSH-kód;Név;Háztartások;"Arány; %"\r\n23074;Horváthertelend;<5;12,25\r\n05069;"Miskolc ""belváros""";1250;\r\n',
    );
  });

  it('write decimal points in English', () => {
    expect(tableCsv(TABLE, 'en').split('\r\n')[1]).toBe('23074;Horváthertelend;<5;12.25');
  });

  it('write GeoJSON with the cells as properties and each row\'s geometry', () => {
    const collection = tableGeoJson(TABLE);
    expect(collection.features[0]).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [17.93, 46.17] },
      properties: { code: '23074', name: 'Horváthertelend', households: '<5', share: 12.25 },
    });
    expect(collection.features[1]!.geometry).toBeNull();
  });
});
