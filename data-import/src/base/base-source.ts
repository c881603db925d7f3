import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImportError } from '../import-error.ts';
import { readGeoJsonFeatures, readTopoJsonObject, type LocatedFeature } from '../readers/geojson-reader.ts';

export type BoundaryLayer = 'counties' | 'districts' | 'settlements';

/**
 * Where the base data of Hungary is read from: either the published files
 * (GeoJSON boundaries and CSVs, as in ../shared/data/hungary) or the compact
 * bundle shipped in this repository (one quantised TopoJSON and gzipped CSVs).
 */
export interface BaseSource {
  readonly directory: string;
  readonly form: 'published' | 'bundle';
  readonly gazetteer: string;
  readonly territorialCodes: string;
  readonly settlementParts: string;
  readonly districtIndex: string;
  /** The file (and, in the bundle, the topology object) that holds a boundary layer, for messages. */
  boundaryFile(layer: BoundaryLayer): string;
  boundaries(layer: BoundaryLayer): LocatedFeature[];
}

export const BUNDLE_DIRECTORY = fileURLToPath(new URL('../../base-data', import.meta.url));
export const SHARED_DIRECTORY = fileURLToPath(new URL('../../../../shared/data/hungary', import.meta.url));
export const BUNDLE_TOPOLOGY = 'boundaries.topojson.gz';

export const CSV_FILES = {
  gazetteer: 'ksh-gazetteer-2024.csv',
  territorialCodes: 'ksh-territorial-codes-2018.csv',
  settlementParts: 'ksh-settlement-parts-2018.csv',
  districtIndex: 'districts-development-index-290-2014.csv',
} as const;

export function openBaseSource(directory: string): BaseSource {
  if (!existsSync(directory) || !statSync(directory).isDirectory()) {
    throw new ImportError(directory, undefined, 'base data directory not found');
  }
  const isBundle = existsSync(join(directory, BUNDLE_TOPOLOGY));
  const suffix = isBundle ? '.gz' : '';
  const file = (name: string) => join(directory, name + suffix);
  return {
    directory,
    form: isBundle ? 'bundle' : 'published',
    gazetteer: file(CSV_FILES.gazetteer),
    territorialCodes: file(CSV_FILES.territorialCodes),
    settlementParts: file(CSV_FILES.settlementParts),
    districtIndex: file(CSV_FILES.districtIndex),
    boundaryFile: (layer) =>
      isBundle ? `${join(directory, BUNDLE_TOPOLOGY)} (object "${layer}")` : join(directory, `${layer}.geojson`),
    boundaries: (layer) =>
      isBundle
        ? readTopoJsonObject(join(directory, BUNDLE_TOPOLOGY), layer)
        : readGeoJsonFeatures(join(directory, `${layer}.geojson`)),
  };
}

/**
 * The published files when they sit beside the project (developers and CI),
 * otherwise the bundle, so a fresh clone starts without ../shared/.
 */
export function defaultBaseDirectory(): string {
  return existsSync(join(SHARED_DIRECTORY, 'settlements.geojson')) ? SHARED_DIRECTORY : BUNDLE_DIRECTORY;
}
