import type { Feature, Geometry } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { ImportError } from '../import-error.ts';
import { readTextFile } from './read-text-file.ts';

export interface LocatedFeature {
  /** Human location of the feature in its file, e.g. `feature 12`. */
  location: string;
  properties: Record<string, unknown>;
  geometry: Geometry | null;
}

/** Reads a GeoJSON FeatureCollection (optionally gzipped). */
export function readGeoJsonFeatures(path: string): LocatedFeature[] {
  const parsed = parseJson(path);
  if (!isObject(parsed) || parsed.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
    throw new ImportError(path, undefined, 'not a GeoJSON FeatureCollection (expected {"type": "FeatureCollection", "features": [...]})');
  }
  return parsed.features.map((item: unknown, index: number) => toLocated(path, item, index));
}

/** Reads one named object of a TopoJSON topology (optionally gzipped) as GeoJSON features. */
export function readTopoJsonObject(path: string, objectName: string): LocatedFeature[] {
  const parsed = parseJson(path);
  if (!isObject(parsed) || parsed.type !== 'Topology' || !isObject(parsed.objects)) {
    throw new ImportError(path, undefined, 'not a TopoJSON topology');
  }
  const topology = parsed as unknown as Topology;
  const object = topology.objects[objectName];
  if (!object || object.type !== 'GeometryCollection') {
    throw new ImportError(path, undefined, `the topology has no geometry collection named "${objectName}"`);
  }
  const collection = topoFeature(topology, object as GeometryCollection);
  return collection.features.map((item, index) => toLocated(path, item, index));
}

function parseJson(path: string): unknown {
  const text = readTextFile(path);
  if (text.trim() === '') throw new ImportError(path, undefined, 'the file is empty');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ImportError(path, undefined, `malformed JSON: ${(error as Error).message}`);
  }
}

function toLocated(path: string, item: unknown, index: number): LocatedFeature {
  const location = `feature ${index + 1}`;
  if (!isObject(item) || item.type !== 'Feature') {
    throw new ImportError(path, location, 'not a GeoJSON Feature');
  }
  const feature = item as unknown as Feature;
  if (feature.geometry !== null && (!isObject(feature.geometry) || typeof feature.geometry.type !== 'string')) {
    throw new ImportError(path, location, 'the geometry is not a GeoJSON geometry object');
  }
  return { location, properties: (feature.properties ?? {}) as Record<string, unknown>, geometry: feature.geometry };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
