import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { BUNDLE_DIRECTORY } from '@terep/data-import';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * Writes the base data in its published form (GeoJSON boundaries, plain CSVs)
 * into a temporary folder, from the bundle, so bad-input tests can break one
 * file at a time without needing ../shared/.
 */
export function writePublishedCopy(): string {
  const directory = mkdtempSync(join(tmpdir(), 'terep-base-'));
  const topology = JSON.parse(gunzipSync(readFileSync(join(BUNDLE_DIRECTORY, 'boundaries.topojson.gz'))).toString('utf8')) as Topology;
  for (const layer of ['counties', 'districts', 'settlements']) {
    const collection = feature(topology, topology.objects[layer] as GeometryCollection);
    writeFileSync(join(directory, `${layer}.geojson`), JSON.stringify(collection));
  }
  for (const name of ['ksh-gazetteer-2024.csv', 'ksh-territorial-codes-2018.csv', 'ksh-settlement-parts-2018.csv', 'districts-development-index-290-2014.csv']) {
    writeFileSync(join(directory, name), gunzipSync(readFileSync(join(BUNDLE_DIRECTORY, `${name}.gz`))));
  }
  return directory;
}

export function editFile(directory: string, name: string, edit: (text: string) => string): void {
  const path = join(directory, name);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
}
