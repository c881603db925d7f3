import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { topology } from 'topojson-server';
import type { FeatureCollection } from 'geojson';
import { BUNDLE_DIRECTORY, BUNDLE_TOPOLOGY, CSV_FILES, SHARED_DIRECTORY } from '../base/base-source.ts';
import { readTextFile } from '../readers/read-text-file.ts';

/**
 * Quantisation of the shipped topology: 10^6 steps across Hungary's extent is
 * about 0.5 m, well below the boundaries' own accuracy. TopoJSON stores each
 * shared border once, so neighbouring boundaries still meet exactly.
 */
const QUANTIZATION = 1e6;

/** Rebuilds data-import/base-data from the published files (its README.md, the notices, is kept by hand). */
export function makeBundle(from = SHARED_DIRECTORY, to = BUNDLE_DIRECTORY): string[] {
  mkdirSync(to, { recursive: true });
  const layers = Object.fromEntries(
    (['counties', 'districts', 'settlements'] as const).map((layer) => [
      layer,
      JSON.parse(readTextFile(join(from, `${layer}.geojson`))) as FeatureCollection,
    ]),
  );
  const written: string[] = [];
  const topologyPath = join(to, BUNDLE_TOPOLOGY);
  writeFileSync(topologyPath, gzipSync(JSON.stringify(topology(layers, QUANTIZATION)), { level: 9 }));
  written.push(topologyPath);
  for (const name of Object.values(CSV_FILES)) {
    const target = join(to, `${name}.gz`);
    writeFileSync(target, gzipSync(readTextFile(join(from, name)), { level: 9 }));
    written.push(target);
  }
  return written;
}
