import { activeRoadNetwork, recordAudit, replaceRoadNetwork, type AuditActor, type Engine, type RoadNetworkReport, type RoadNetworkUploadOutcome } from '@terep/db';
import { ImportError } from '../import-error.ts';
import { silentProgress, type Progress } from '../progress.ts';
import { buildRoadGraph, type RoadGraph } from './build-road-graph.ts';
import { DEFAULT_SPEEDS_KMH } from './drivable-road.ts';
import { looksLikeOsmPbf, readOsmPbf } from './read-osm-pbf.ts';
import { readRoadGeoJson } from './read-road-geojson.ts';
import type { RoadSource } from './road-source.ts';

/** A country extract (Hungary's is a few hundred MB) fits; anything larger is refused before parsing. */
export const MAX_ROAD_FILE_BYTES = 512 * 1024 * 1024;

export interface LoadRoadNetworkOptions {
  fileName: string;
  bytes: Uint8Array;
  importedBy: string;
  /** Who the audit trail names; a command-line run is `importedBy` without a user id. */
  actor?: AuditActor | undefined;
  /** Validate and report only. */
  dryRun?: boolean;
  progress?: Progress;
}

/**
 * Reads a road file, builds its graph and, unless it is a dry run, replaces the
 * loaded network with it in one transaction. Any problem with the file is an
 * ImportError naming the file and the way, feature or line, and nothing is written.
 */
export async function loadRoadNetwork(engine: Engine, options: LoadRoadNetworkOptions): Promise<RoadNetworkUploadOutcome> {
  const progress = options.progress ?? silentProgress;
  const { report, graph, ways } = await validateRoadFile(options.fileName, options.bytes);
  if (options.dryRun) return { status: 'validated', report, network: null };
  progress.step(`road network: ${options.fileName}`, graph.edges.length);
  const network = await engine.db.transaction().execute(async (trx) => {
    const before = await activeRoadNetwork(trx);
    const loaded = await replaceRoadNetwork(trx, {
      fileName: options.fileName,
      format: report.format,
      importedBy: options.importedBy,
      ways,
      nodes: graph.nodes,
      edges: graph.edges,
    });
    await recordAudit(trx, {
      actor: options.actor ?? { userId: null, username: options.importedBy }, action: 'load', objectKind: 'road-network', objectId: loaded.id, before, after: loaded,
    });
    return loaded;
  });
  progress.advance(graph.edges.length);
  progress.done();
  return { status: 'loaded', report, network };
}

async function validateRoadFile(fileName: string, bytes: Uint8Array): Promise<{ report: RoadNetworkReport; graph: RoadGraph; ways: number }> {
  if (bytes.length > MAX_ROAD_FILE_BYTES) {
    throw new ImportError(fileName, undefined, `the file is ${(bytes.length / 1024 / 1024).toFixed(0)} MB, above the ${MAX_ROAD_FILE_BYTES / 1024 / 1024} MB limit: cut a smaller extract (osmium extract)`);
  }
  const source = await readRoadFile(fileName, bytes);
  if (source.drivableWays === 0) {
    const classes = Object.keys(DEFAULT_SPEEDS_KMH).join(', ');
    throw new ImportError(fileName, undefined, `no drivable roads: ${source.highwayWays} ways have a highway tag, none of a class a van may use (${classes})`);
  }
  const graph = buildRoadGraph(source);
  if (graph.edges.length === 0) {
    throw new ImportError(fileName, undefined, `no drivable roads: the ${source.drivableWays} drivable ways do not form a single road between two points`);
  }
  const byClass: Record<string, number> = {};
  const counted = new Set<string>();
  for (const way of source.ways) {
    if (counted.has(way.location)) continue;
    counted.add(way.location);
    byClass[way.road.highway] = (byClass[way.road.highway] ?? 0) + 1;
  }
  const report: RoadNetworkReport = {
    fileName,
    format: source.format,
    highwayWays: source.highwayWays,
    drivableWays: source.drivableWays,
    byClass,
    cutWays: source.cutWays,
    nodes: graph.nodes.length,
    routableNodes: graph.routableNodes,
    edges: graph.edges.length,
    lengthKm: Math.round(graph.lengthKm * 1000) / 1000,
    bbox: graph.bbox,
  };
  return { report, graph, ways: source.drivableWays };
}

async function readRoadFile(fileName: string, bytes: Uint8Array): Promise<RoadSource> {
  // A file named .pbf goes to the PBF reader even when it is not one, so the message says what it should have been.
  if (looksLikeOsmPbf(bytes) || /\.pbf$/i.test(fileName)) return readOsmPbf(fileName, bytes);
  const firstByte = bytes.find((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09 && byte !== 0xef && byte !== 0xbb && byte !== 0xbf);
  if (firstByte === 0x7b || /\.(geo)?json$/i.test(fileName)) return readRoadGeoJson(fileName, bytes);
  throw new ImportError(fileName, undefined, 'unknown road file format: expected an OpenStreetMap extract (.osm.pbf) or GeoJSON lines with highway tags (.geojson)');
}
