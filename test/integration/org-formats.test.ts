import { runImport, type ImportOutcome, type RunImportOptions } from '@terep/data-import';
import type { Engine } from '@terep/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineCases } from '../src/engines.ts';
import { EOV_PRJ, pointGeoPackage, xlsxFile, zippedShapefile } from '../src/vector-fixtures.ts';

describe.each(engineCases())('import file formats on $name', ({ open }) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
  });
  afterAll(async () => engine?.close());

  const dryRun = (kind: RunImportOptions['kind'], fileName: string, bytes: Uint8Array): Promise<ImportOutcome> =>
    runImport(engine, { kind, fileName, bytes, dryRun: true, importedBy: 'test' });
  const errors = (outcome: ImportOutcome) => outcome.report.problems.filter((entry) => entry.severity === 'error');

  it('reads an Excel workbook with WGS 84 coordinates', async () => {
    const bytes = await xlsxFile([
      ['Intézmény neve', 'Típus', 'Település', 'lat', 'lon', 'Kapacitás'],
      ['Encsi Közösségi Ház (teszt)', 'Közösségi ház', 'Encs', 48.33622, 21.10994, 60],
      ['Pécsi utcai szociális munka (teszt)', 'Street outreach', 'Pécs', 46.08777, 18.24181, 15],
    ]);
    const outcome = await dryRun('institutions', 'intezmenyek.xlsx', bytes);
    expect(errors(outcome)).toEqual([]);
    expect(outcome.report).toMatchObject({ format: 'xlsx', validRows: 2, coordinateSystems: [4326] });
    expect(outcome.report.preview.map((row) => [row.settlement, row.values.type])).toEqual([['Encs', 'community-house'], ['Pécs', 'street-outreach']]);
  });

  it('reads a zipped shapefile of polygons in EOV, declared by its .prj', async () => {
    const [x, y] = [802918.8, 334560.1];
    const square = [[x - 150, y - 150], [x + 150, y - 150], [x + 150, y + 150], [x - 150, y + 150], [x - 150, y - 150]];
    const bytes = await zippedShapefile({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { NEV: 'Encs teszt telep', NEPESSEG: 240, EV: 2021 }, geometry: { type: 'Polygon', coordinates: [square] } }],
    }, EOV_PRJ);
    const outcome = await dryRun('segregated-areas', 'szegregatumok.zip', bytes);
    expect(errors(outcome)).toEqual([]);
    expect(outcome.report).toMatchObject({ format: 'shapefile', validRows: 1 });
    expect(outcome.report.preview[0]).toMatchObject({ settlement: 'Encs', values: { name: 'Encs teszt telep', population: 240, year: 2021 } });
  });

  it('reads a GeoPackage of points in EOV', async () => {
    const bytes = await pointGeoPackage(23700, [
      { name: 'Miskolci raktár (teszt)', capacity: 800, x: 773057.0, y: 306773.8 },
      { name: 'Pécsi raktár (teszt)', capacity: 500, x: 587684.2, y: 82895.3 },
    ]);
    const outcome = await dryRun('warehouses', 'raktarak.gpkg', bytes);
    expect(errors(outcome)).toEqual([]);
    expect(outcome.report).toMatchObject({ format: 'geopackage', validRows: 2 });
    expect(outcome.report.preview.map((row) => [row.settlement, row.values.capacity])).toEqual([['Miskolc', 800], ['Pécs', 500]]);
  });

  it('rejects a GeoPackage-named file that is not one, and an old .xls, with a clear message', async () => {
    const notGpkg = await dryRun('warehouses', 'raktarak.gpkg', new TextEncoder().encode('hello'));
    expect(errors(notGpkg)[0]?.message.en).toMatch(/GeoPackage/);
    const xls = await dryRun('warehouses', 'raktarak.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]));
    expect(errors(xls)[0]?.message.en).toMatch(/\.xls.*not supported/);
  });
});
