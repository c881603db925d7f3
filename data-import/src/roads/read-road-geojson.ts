import { parse as parseLenient, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { ImportError } from '../import-error.ts';
import { decodeText } from '../readers/decode-text.ts';
import { drivableRoad, type OsmTags } from './drivable-road.ts';
import { PointTable, type RoadSource, type SourceWay } from './road-source.ts';

/**
 * Reads LineString and MultiLineString features tagged with `highway` (as
 * `osmium export` or QGIS write them). Lines meet where they share a vertex
 * with exactly the same coordinates: that is where junctions are made.
 */
export function readRoadGeoJson(fileName: string, bytes: Uint8Array): RoadSource {
  const { text } = decodeText(bytes);
  if (text.trim() === '') throw new ImportError(fileName, undefined, 'the file is empty');
  let parsed: { type?: unknown; features?: unknown };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch (error) {
    throw malformedJson(fileName, text, error as Error);
  }
  if (parsed?.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
    throw new ImportError(fileName, undefined, 'not a GeoJSON FeatureCollection (expected {"type": "FeatureCollection", "features": [...]})');
  }
  const points = new PointTable();
  const byCoordinate = new Map<string, number>();
  const ways: SourceWay[] = [];
  let highwayWays = 0;
  let drivableWays = 0;
  parsed.features.forEach((item: unknown, index: number) => {
    const location = `feature ${index + 1}`;
    const feature = item as { type?: unknown; properties?: Record<string, unknown> | null; geometry?: { type?: unknown; coordinates?: unknown } | null };
    if (feature?.type !== 'Feature') throw new ImportError(fileName, location, 'not a GeoJSON Feature');
    const tags = tagsOf(feature.properties ?? {});
    if (tags.highway === undefined) return;
    highwayWays += 1;
    const road = drivableRoad(tags);
    if (!road) return;
    const lines = linesOf(fileName, location, feature.geometry);
    if (lines.length === 0) return;
    drivableWays += 1;
    const osmWayId = wayIdOf(feature.properties ?? {});
    for (const line of lines) {
      const indices = line.map(([lon, lat]) => {
        const key = `${lon},${lat}`;
        let point = byCoordinate.get(key);
        if (point === undefined) byCoordinate.set(key, (point = points.add(lon, lat)));
        return point;
      });
      ways.push({ location, osmWayId, name: tags.name ?? null, road, points: Int32Array.from(indices) });
    }
  });
  return { format: 'geojson', highwayWays, drivableWays, cutWays: 0, ways, ...points.freeze() };
}

function tagsOf(properties: Record<string, unknown>): OsmTags {
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (typeof value === 'string') tags[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') tags[key] = String(value);
  }
  return tags;
}

/** `@id` as osmium writes it (`w4242`), or a numeric `osm_id`/`id`. */
function wayIdOf(properties: Record<string, unknown>): number | null {
  const raw = properties['@id'] ?? properties.osm_id ?? properties.id;
  const id = typeof raw === 'string' ? Number(raw.replace(/^w(ay\/)?/, '')) : raw;
  return typeof id === 'number' && Number.isSafeInteger(id) ? id : null;
}

function linesOf(fileName: string, location: string, geometry: { type?: unknown; coordinates?: unknown } | null | undefined): [number, number][][] {
  if (!geometry) return [];
  if (geometry.type === 'LineString') return [lineOf(fileName, location, geometry.coordinates)];
  if (geometry.type === 'MultiLineString' && Array.isArray(geometry.coordinates)) {
    return geometry.coordinates.map((line: unknown) => lineOf(fileName, location, line));
  }
  // Closed ways exported as polygons (squares, car parks drawn as areas) are not roads to drive along.
  return [];
}

function lineOf(fileName: string, location: string, coordinates: unknown): [number, number][] {
  if (!Array.isArray(coordinates) || coordinates.length < 2) {
    throw new ImportError(fileName, location, 'a LineString needs at least two positions');
  }
  return coordinates.map((position: unknown, index) => {
    const [lon, lat] = Array.isArray(position) ? position : [];
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      throw new ImportError(fileName, location, `position ${index + 1} is not a [longitude, latitude] pair of numbers`);
    }
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      throw new ImportError(fileName, location, `position ${index + 1} (${lon}, ${lat}) is not WGS 84 longitude/latitude (EOV or another projection?)`);
    }
    return [lon, lat] as [number, number];
  });
}

/**
 * Node 20's JSON.parse does not always say where the error is; jsonc-parser
 * (strict mode: no comments, no trailing commas) gives its offset, so the
 * message can name the line and column.
 */
function malformedJson(fileName: string, text: string, error: Error): ImportError {
  const errors: ParseError[] = [];
  parseLenient(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (!first) return new ImportError(fileName, undefined, `malformed JSON: ${error.message}`);
  const lines = text.slice(0, first.offset).split('\n');
  return new ImportError(fileName, `line ${lines.length}, column ${lines[lines.length - 1]!.length + 1}`, `malformed JSON (${printParseErrorCode(first.error)})`);
}
