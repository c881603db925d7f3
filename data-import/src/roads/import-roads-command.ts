import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Engine, RoadNetworkUploadOutcome } from '@terep/db';
import { createProgress } from '../progress.ts';
import { loadRoadNetwork } from './load-road-network.ts';
import { RoadFileError } from './road-file-error.ts';

/** `npm run import -- roads FILE`: loads (or with --dry-run only checks) a road network and prints what it holds. */
export async function importRoads(engine: Engine, options: { path: string; bytes: Uint8Array; dryRun: boolean; importedBy: string; lang: 'hu' | 'en' }): Promise<number> {
  console.error(`Reading road network ${options.path} into the ${engine.kind} database at ${engine.location}`);
  let outcome: RoadNetworkUploadOutcome;
  try {
    outcome = await loadRoadNetwork(engine, {
      fileName: basename(options.path),
      bytes: options.bytes,
      companions: shapefileCompanions(options.path),
      importedBy: options.importedBy,
      dryRun: options.dryRun,
      progress: createProgress(),
    });
  } catch (error) {
    if (!(error instanceof RoadFileError) || options.lang !== 'hu') throw error;
    console.error(`Az importálás nem sikerült, semmi sem íródott be.\n  ${error.file}${error.location ? `: ${error.location}` : ''}: ${error.problemHu}`);
    return 1;
  }
  console.log(formatRoadOutcome(outcome));
  return 0;
}

/** For a .shp, the .dbf, .prj and .cpg files of the same name beside it (as QGIS and Geofabrik leave them). */
function shapefileCompanions(path: string): Map<string, Uint8Array> {
  const companions = new Map<string, Uint8Array>();
  if (!/\.shp$/i.test(path)) return companions;
  for (const extension of ['.dbf', '.prj', '.cpg']) {
    const sibling = [extension, extension.toUpperCase()].map((ending) => path.slice(0, -4) + ending).find((candidate) => existsSync(candidate));
    if (sibling) companions.set(extension, readFileSync(sibling));
  }
  return companions;
}

function formatRoadOutcome({ status, report, network }: RoadNetworkUploadOutcome): string {
  const classes = Object.entries(report.byClass).sort(([, a], [, b]) => b - a).map(([highway, count]) => `${highway} ${count}`).join(', ');
  return [
    status === 'loaded' ? `Road network #${network!.id} loaded from ${report.fileName} (it replaces any earlier one).` : `Dry run of ${report.fileName}: nothing written.`,
    `  ways with a highway tag: ${report.highwayWays}; drivable: ${report.drivableWays} (${classes})`,
    ...(report.cutWays > 0 ? [`  ways cut at the extract's edge (kept in pieces): ${report.cutWays}`] : []),
    `  graph: ${report.nodes} nodes (${report.routableNodes} routable), ${report.edges} edges, ${report.lengthKm} km`,
    `  bbox: ${report.bbox.join(', ')}`,
  ].join('\n');
}
