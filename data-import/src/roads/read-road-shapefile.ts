import type { Feature, Geometry } from 'geojson';
import * as shapefile from 'shapefile';
import { declaredSrid, WGS84 } from '../readers/declared-srid.ts';
import { decodeText } from '../readers/decode-text.ts';
import { shapefileEncoding } from '../readers/shapefile-encoding.ts';
import { drivableRoad, type OsmTags } from './drivable-road.ts';
import { RoadFileError } from './road-file-error.ts';
import { PointTable, type RoadSource, type SourceWay } from './road-source.ts';

/** The parts of a shapefile by extension (`.shp`, `.dbf`, `.prj`, `.cpg`), from a zip or from files side by side. */
export type ShapefileParts = ReadonlyMap<string, Uint8Array>;

/** Columns of Geofabrik's roads layer (`gis_osm_roads_free_1`) a graph cannot be built without. */
const REQUIRED_FIELDS = ['fclass', 'oneway'] as const;

/** Geofabrik's `oneway`: F drivable in the drawing direction only, T against it only, B both ways. */
const ONEWAY_TAGS: Readonly<Record<string, string>> = { F: 'yes', T: '-1', B: 'no' };

/**
 * Reads the roads layer of Geofabrik's free shapefiles (`fclass`, `oneway` B/F/T,
 * `maxspeed` in km/h with 0 for unknown), the layout Hungarian offices download
 * for QGIS. Each feature becomes the OSM tags its columns stand for, so the
 * same rules decide what is drivable and how fast as for an .osm.pbf extract:
 * `fclass` is the highway class (`track_grade1` a solid track), a `maxspeed`
 * of 0 leaves the class's speed. Lines meet where they share a vertex, as in
 * OpenStreetMap, where a junction is a shared node.
 */
export async function readRoadShapefile(fileName: string, parts: ShapefileParts): Promise<RoadSource> {
  const shp = parts.get('.shp');
  const dbf = parts.get('.dbf');
  if (!shp) {
    throw new RoadFileError(fileName, undefined, 'no .shp file: a shapefile road network needs the .shp, .dbf and .prj files of one layer (zip them together)',
      'hiányzik a .shp fájl: a shapefile úthálózathoz ugyanannak a rétegnek a .shp, .dbf és .prj fájlja kell (csomagolja őket egy zipbe)');
  }
  if (!dbf) {
    throw new RoadFileError(fileName, undefined, 'no .dbf file beside the .shp: the road classes (fclass) and directions (oneway) are in it; add the .dbf of the same layer',
      'hiányzik a .dbf fájl a .shp mellől: abban vannak az útosztályok (fclass) és az irányok (oneway); tegye mellé ugyanannak a rétegnek a .dbf fájlját');
  }
  checkProjection(fileName, parts.get('.prj'));
  const cpg = parts.get('.cpg');
  let source: Awaited<ReturnType<typeof shapefile.open>>;
  try {
    source = await shapefile.open(toArrayBuffer(shp), toArrayBuffer(dbf), { encoding: shapefileEncoding(cpg, dbf) });
  } catch (error) {
    throw new RoadFileError(fileName, undefined, `not a readable shapefile: ${(error as Error).message}`, `nem olvasható shapefile: ${(error as Error).message}`);
  }

  const points = new PointTable();
  const byCoordinate = new Map<string, number>();
  const ways: SourceWay[] = [];
  let features = 0;
  let drivableWays = 0;
  for (;;) {
    let result: Awaited<ReturnType<typeof source.read>>;
    try {
      result = await source.read();
    } catch (error) {
      throw new RoadFileError(fileName, `feature ${features + 1}`, `unreadable record: ${(error as Error).message}`, `a(z) ${features + 1}. elem nem olvasható: ${(error as Error).message}`);
    }
    if (result.done) break;
    features += 1;
    const location = `feature ${features}`;
    const feature = result.value as Feature<Geometry | null>;
    const properties = feature.properties ?? {};
    if (features === 1) checkFields(fileName, Object.keys(properties));
    const tags = tagsOf(fileName, features, properties);
    const road = drivableRoad(tags);
    if (!road) continue;
    const lines = linesOf(fileName, features, feature.geometry);
    if (lines.length === 0) continue;
    drivableWays += 1;
    const osmWayId = Number(properties.osm_id);
    const name = typeof properties.name === 'string' && properties.name.trim() !== '' ? properties.name.trim() : null;
    for (const line of lines) {
      const indices = line.map(([lon, lat]) => {
        const key = `${lon},${lat}`;
        let point = byCoordinate.get(key);
        if (point === undefined) byCoordinate.set(key, (point = points.add(lon, lat)));
        return point;
      });
      ways.push({ location, osmWayId: Number.isSafeInteger(osmWayId) && osmWayId > 0 ? osmWayId : null, name, road, points: Int32Array.from(indices) });
    }
  }
  if (features === 0) throw new RoadFileError(fileName, undefined, 'the shapefile has no features', 'a shapefile egyetlen elemet sem tartalmaz');
  return { format: 'shapefile', highwayWays: features, drivableWays, cutWays: 0, ways, ...points.freeze() };
}

/** Road coordinates must be WGS 84 longitude/latitude, as Geofabrik ships them; EOV and others are refused by name. */
function checkProjection(fileName: string, prj: Uint8Array | undefined): void {
  if (!prj) return;
  const text = decodeText(prj).text.trim();
  if (declaredSrid(text) === WGS84) return;
  const name = /^\w+\["([^"]+)"/.exec(text)?.[1] ?? text.slice(0, 60);
  throw new RoadFileError(fileName, '.prj', `the coordinates are in ${name}, not WGS 84 (EPSG:4326): export the layer in WGS 84 (QGIS: Export → Save Features As…, CRS EPSG:4326)`,
    `a koordináták ${name} vetületben vannak, nem WGS 84-ben (EPSG:4326): exportálja a réteget WGS 84-ben (QGIS: Exportálás → Elemek mentése másként…, EPSG:4326)`);
}

function checkFields(fileName: string, fields: string[]): void {
  const missing = REQUIRED_FIELDS.filter((field) => !fields.includes(field));
  if (missing.length === 0) return;
  throw new RoadFileError(fileName, '.dbf',
    `no ${missing.join(', ')} column: expected the roads layer of Geofabrik's shapefiles (gis_osm_roads_free_1: osm_id, fclass, name, oneway, maxspeed); the file has ${fields.join(', ')}`,
    `nincs ${missing.join(', ')} oszlop: a Geofabrik shapefile-ok útrétege kell (gis_osm_roads_free_1: osm_id, fclass, name, oneway, maxspeed); a fájl oszlopai: ${fields.join(', ')}`);
}

/** The OSM tags a record stands for; a direction or speed that is none of Geofabrik's values is refused with its record. */
function tagsOf(fileName: string, feature: number, properties: Record<string, unknown>): OsmTags {
  const fclass = String(properties.fclass ?? '').trim();
  const oneway = String(properties.oneway ?? '').trim().toUpperCase();
  const onewayTag = ONEWAY_TAGS[oneway === '' ? 'B' : oneway];
  if (onewayTag === undefined) {
    throw new RoadFileError(fileName, `feature ${feature}`, `oneway is "${oneway}": expected B (both ways), F (drawing direction only) or T (against it only)`,
      `a(z) ${feature}. elem oneway értéke „${oneway}”: B (mindkét irány), F (csak a rajzolás iránya) vagy T (csak azzal szemben) lehet`);
  }
  const rawSpeed = properties.maxspeed ?? 0;
  const speed = typeof rawSpeed === 'number' ? rawSpeed : Number(String(rawSpeed).trim() || 0);
  if (!Number.isFinite(speed) || speed < 0) {
    throw new RoadFileError(fileName, `feature ${feature}`, `maxspeed is "${String(rawSpeed)}": expected km/h as a whole number, 0 where unknown`,
      `a(z) ${feature}. elem maxspeed értéke „${String(rawSpeed)}”: km/h egész szám kell, 0, ha ismeretlen`);
  }
  const grade = /^track_(grade[1-5])$/.exec(fclass);
  return {
    highway: grade ? 'track' : fclass,
    ...(grade ? { tracktype: grade[1] } : {}),
    oneway: onewayTag,
    ...(speed > 0 ? { maxspeed: String(speed) } : {}),
  };
}

function linesOf(fileName: string, feature: number, geometry: Geometry | null): [number, number][][] {
  if (!geometry) return [];
  const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.type === 'MultiLineString' ? geometry.coordinates : null;
  if (!lines) {
    throw new RoadFileError(fileName, `feature ${feature}`, `the geometry is a ${geometry.type}: a roads layer holds lines (LineString)`,
      `a(z) ${feature}. elem geometriája ${geometry.type}: az útréteg vonalakból (LineString) áll`);
  }
  return lines.filter((line) => line.length >= 2).map((line) => line.map(([lon, lat]) => {
    if (!(lon! >= -180 && lon! <= 180 && lat! >= -90 && lat! <= 90)) {
      throw new RoadFileError(fileName, `feature ${feature}`, `the point (${lon}, ${lat}) is not WGS 84 longitude/latitude (EOV or another projection without a .prj?)`,
        `a(z) ${feature}. elem (${lon}, ${lat}) pontja nem WGS 84 hosszúság/szélesség (EOV vagy más vetület .prj nélkül?)`);
    }
    return [lon!, lat!] as [number, number];
  }));
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
