import { activeRoadNetwork, recordAudit, replaceRoadNetwork, type AuditActor, type Engine, type RoadNetworkReport, type RoadNetworkUploadOutcome } from '@terep/db';
import { silentProgress, type Progress } from '../progress.ts';
import { buildRoadGraph, type RoadGraph } from './build-road-graph.ts';
import { DEFAULT_SPEEDS_KMH } from './drivable-road.ts';
import { looksLikeOsmPbf, readOsmPbf } from './read-osm-pbf.ts';
import { readRoadGeoJson } from './read-road-geojson.ts';
import { readRoadShapefile, type ShapefileParts } from './read-road-shapefile.ts';
import { RoadFileError } from './road-file-error.ts';
import { unzipWithinBudget } from '../readers/unzip-within-budget.ts';
import type { RoadSource } from './road-source.ts';

/** A country extract (Hungary's is a few hundred MB) fits; anything larger is refused before parsing. */
export const MAX_ROAD_FILE_BYTES = 512 * 1024 * 1024;

export interface LoadRoadNetworkOptions {
  fileName: string;
  bytes: Uint8Array;
  /** The other parts of a shapefile sent beside its .shp (`.dbf`, `.prj`, `.cpg`), by extension. */
  companions?: ShapefileParts;
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
  const { report, graph, ways } = await validateRoadFile(options.fileName, options.bytes, options.companions ?? new Map());
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

async function validateRoadFile(fileName: string, bytes: Uint8Array, companions: ShapefileParts): Promise<{ report: RoadNetworkReport; graph: RoadGraph; ways: number }> {
  if (bytes.length > MAX_ROAD_FILE_BYTES) {
    const sizes = { size: (bytes.length / 1024 / 1024).toFixed(0), limit: MAX_ROAD_FILE_BYTES / 1024 / 1024 };
    throw new RoadFileError(fileName, undefined, `the file is ${sizes.size} MB, above the ${sizes.limit} MB limit: cut a smaller extract (osmium extract)`,
      `a fájl ${sizes.size} MB, több a ${sizes.limit} MB-os korlátnál: vágjon ki kisebb területet (osmium extract)`);
  }
  const source = await readRoadFile(fileName, bytes, companions);
  if (source.drivableWays === 0) {
    const classes = Object.keys(DEFAULT_SPEEDS_KMH).join(', ');
    throw new RoadFileError(fileName, undefined, `no drivable roads: ${source.highwayWays} ways have a highway tag, none of a class a van may use (${classes})`,
      `nincs járható út: ${source.highwayWays} vonalnak van útosztálya, de egyik sem olyan, amelyen kisteherautó járhat (${classes})`);
  }
  const graph = buildRoadGraph(source);
  if (graph.edges.length === 0) {
    throw new RoadFileError(fileName, undefined, `no drivable roads: the ${source.drivableWays} drivable ways do not form a single road between two points`,
      `nincs járható út: a(z) ${source.drivableWays} járható vonal egyetlen utat sem ad két pont között`);
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

async function readRoadFile(fileName: string, bytes: Uint8Array, companions: ShapefileParts): Promise<RoadSource> {
  // A file named .pbf goes to the PBF reader even when it is not one, so the message says what it should have been.
  if (looksLikeOsmPbf(bytes) || /\.pbf$/i.test(fileName)) return readOsmPbf(fileName, bytes);
  if (/\.shp$/i.test(fileName)) return readRoadShapefile(fileName, new Map([...companions, ['.shp', bytes]]));
  if ((bytes[0] === 0x50 && bytes[1] === 0x4b) || /\.zip$/i.test(fileName)) return readRoadShapefile(fileName, await zippedRoadLayer(fileName, bytes));
  const firstByte = bytes.find((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09 && byte !== 0xef && byte !== 0xbb && byte !== 0xbf);
  if (firstByte === 0x7b || /\.(geo)?json$/i.test(fileName)) return readRoadGeoJson(fileName, bytes);
  throw new RoadFileError(fileName, undefined,
    'unknown road file format: expected an OpenStreetMap extract (.osm.pbf), GeoJSON lines with highway tags (.geojson) or Geofabrik\'s roads shapefile (a .zip of gis_osm_roads_free_1.shp, .dbf, .prj, .cpg)',
    'ismeretlen úthálózati fájlformátum: OpenStreetMap-kivonat (.osm.pbf), highway címkés GeoJSON-vonalak (.geojson) vagy a Geofabrik útrétege shapefile-ként (a gis_osm_roads_free_1 .shp, .dbf, .prj, .cpg fájljai egy zipben) kell');
}

const SHAPEFILE_PARTS = ['.shp', '.dbf', '.prj', '.cpg'];

/**
 * The roads layer of a zipped shapefile: the only layer in it, or, in a whole
 * Geofabrik download (buildings, land use, railways, ...), the one named roads.
 * Only that layer is expanded, within the road file limit.
 */
async function zippedRoadLayer(fileName: string, bytes: Uint8Array): Promise<ShapefileParts> {
  const partOf = (name: string) => SHAPEFILE_PARTS.find((extension) => name.toLowerCase().endsWith(extension));
  const isPart = (name: string) => !name.startsWith('__MACOSX') && partOf(name) !== undefined;
  let entries = await unzipWithinBudget(fileName, bytes, { maxExpandedBytes: MAX_ROAD_FILE_BYTES, wanted: (name) => isPart(name) && /(^|\/)[^/]*_roads_[^/]*$/i.test(name) });
  if (entries.size === 0) entries = await unzipWithinBudget(fileName, bytes, { maxExpandedBytes: MAX_ROAD_FILE_BYTES, wanted: isPart });
  const layers = new Set([...entries.keys()].map((name) => name.slice(0, name.length - partOf(name)!.length)));
  if (layers.size > 1) {
    throw new RoadFileError(fileName, undefined, `the zip holds ${layers.size} shapefile layers (${[...layers].join(', ')}): zip the roads layer alone`,
      `a zip ${layers.size} shapefile-réteget tartalmaz (${[...layers].join(', ')}): csak az útréteget csomagolja be`);
  }
  return new Map([...entries].map(([name, content]) => [partOf(name)!, content]));
}
