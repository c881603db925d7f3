import type { DrivableRoad } from './drivable-road.ts';

/** One drivable way as read from a file: its road reading and its points, in drawing order. */
export interface SourceWay {
  /** Where it is in the file, for messages: `way 4242` or `feature 12`. */
  location: string;
  osmWayId: number | null;
  name: string | null;
  road: DrivableRoad;
  /** Indices into the point table. */
  points: Int32Array;
}

/**
 * The drivable roads of a file, before the graph is built. Points shared by
 * several ways have one entry in the point table: that is how junctions are found.
 */
export interface RoadSource {
  format: 'osm-pbf' | 'geojson' | 'shapefile';
  /** Ways (features) with a `highway` tag, drivable or not. */
  highwayWays: number;
  /** Drivable ways read (a way cut at the extract's edge still counts once). */
  drivableWays: number;
  /** Drivable ways with nodes missing from the extract, kept as the pieces that remain. */
  cutWays: number;
  ways: SourceWay[];
  lon: Float64Array;
  lat: Float64Array;
}

/** A point table that grows as the reader meets new points. */
export class PointTable {
  private readonly lons: number[] = [];
  private readonly lats: number[] = [];

  add(lon: number, lat: number): number {
    this.lons.push(lon);
    this.lats.push(lat);
    return this.lons.length - 1;
  }

  get size(): number {
    return this.lons.length;
  }

  freeze(): { lon: Float64Array; lat: Float64Array } {
    return { lon: Float64Array.from(this.lons), lat: Float64Array.from(this.lats) };
  }
}
