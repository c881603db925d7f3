import { basename } from 'node:path';
import type { Engine, RoadNetworkUploadOutcome } from '@terep/db';
import { createProgress } from '../progress.ts';
import { loadRoadNetwork } from './load-road-network.ts';

/** `npm run import -- roads FILE`: loads (or with --dry-run only checks) a road network and prints what it holds. */
export async function importRoads(engine: Engine, options: { path: string; bytes: Uint8Array; dryRun: boolean; importedBy: string }): Promise<number> {
  console.error(`Reading road network ${options.path} into the ${engine.kind} database at ${engine.location}`);
  const outcome = await loadRoadNetwork(engine, {
    fileName: basename(options.path),
    bytes: options.bytes,
    importedBy: options.importedBy,
    dryRun: options.dryRun,
    progress: createProgress(),
  });
  console.log(formatRoadOutcome(outcome));
  return 0;
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
