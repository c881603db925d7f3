import shpwrite from '@mapbox/shp-write';
import type { FeatureCollection } from 'geojson';
import initSqlJs from 'sql.js';
import writeXlsxFile from 'write-excel-file/node';

/** EPSG:23700 as ESRI WKT, the way a municipal GIS writes a shapefile's .prj. */
export const EOV_PRJ =
  'PROJCS["HD72_EOV",GEOGCS["GCS_HD72",DATUM["D_Hungarian_1972",SPHEROID["GRS_1967",6378160.0,298.247167427]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Hotine_Oblique_Mercator_Azimuth_Center"],PARAMETER["False_Easting",650000.0],PARAMETER["False_Northing",200000.0],PARAMETER["Scale_Factor",0.99993],PARAMETER["Azimuth",90.0],PARAMETER["Longitude_Of_Center",19.04857177777778],PARAMETER["Latitude_Of_Center",47.14439372222222],UNIT["Meter",1.0]]';

export async function xlsxFile(rows: (string | number)[][]): Promise<Uint8Array> {
  const buffer = await writeXlsxFile(rows.map((row) => row.map((value) => ({ value })))).toBuffer();
  return new Uint8Array(buffer);
}

export async function zippedShapefile(collection: FeatureCollection, prj?: string): Promise<Uint8Array> {
  const zip = (await shpwrite.zip(collection, { outputType: 'uint8array', compression: 'STORE', ...(prj ? { prj } : {}) })) as Uint8Array;
  return zip;
}

/** A GeoPackage with one point feature table, written through SQLite (sql.js) as the OGC spec lays it out. */
export async function pointGeoPackage(srid: number, rows: { name: string; capacity: number; x: number; y: number }[]): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const database = new SQL.Database();
  database.run(`
    CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT, organization_coordsys_id INTEGER, definition TEXT, description TEXT);
    CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT, srs_id INTEGER);
    CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER);
    CREATE TABLE raktarak (fid INTEGER PRIMARY KEY, geom BLOB, nev TEXT, kapacitas REAL);`);
  database.run('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)', ['HD72 / EOV', srid, 'EPSG', srid, 'undefined', '']);
  database.run("INSERT INTO gpkg_contents VALUES ('raktarak', 'features', 'raktarak', ?)", [srid]);
  database.run("INSERT INTO gpkg_geometry_columns VALUES ('raktarak', 'geom', 'POINT', ?, 0, 0)", [srid]);
  for (const row of rows) {
    // GeoPackage binary: "GP", version 0, flags (little endian, no envelope), srs id, then WKB.
    const blob = new DataView(new ArrayBuffer(8 + 21));
    blob.setUint8(0, 0x47);
    blob.setUint8(1, 0x50);
    blob.setUint8(2, 0);
    blob.setUint8(3, 0b0000_0001);
    blob.setInt32(4, srid, true);
    blob.setUint8(8, 1);
    blob.setUint32(9, 1, true);
    blob.setFloat64(13, row.x, true);
    blob.setFloat64(21, row.y, true);
    database.run('INSERT INTO raktarak (geom, nev, kapacitas) VALUES (?, ?, ?)', [new Uint8Array(blob.buffer), row.name, row.capacity]);
  }
  const bytes = database.export();
  database.close();
  return bytes;
}
