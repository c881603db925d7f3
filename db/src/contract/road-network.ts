/** The road network a load brought: where it came from and what it holds. */
export interface RoadNetworkSummary {
  id: number;
  fileName: string;
  format: 'osm-pbf' | 'geojson' | 'shapefile';
  importedBy: string;
  importedAt: string;
  /** Drivable ways (OSM ways or GeoJSON features) the graph was built from. */
  ways: number;
  /** Junctions and dead ends. */
  nodes: number;
  /** Nodes in the largest strongly connected part: the only ones points snap to. */
  routableNodes: number;
  edges: number;
  lengthKm: number;
  /** minLon, minLat, maxLon, maxLat of the nodes. */
  bbox: [number, number, number, number];
}

/** `GET /api/road-network`. */
export interface RoadNetworkStatus {
  loaded: boolean;
  network: RoadNetworkSummary | null;
  /** Where shortest paths are computed: in the database (pgRouting) or in the application. */
  router: 'pgrouting' | 'in-app';
}

/** What a road file yields before anything is written (also the dry-run answer). */
export interface RoadNetworkReport {
  fileName: string;
  format: 'osm-pbf' | 'geojson' | 'shapefile';
  /** Ways (or features) in the file with a `highway` tag. */
  highwayWays: number;
  drivableWays: number;
  /** Drivable ways per highway class. */
  byClass: Record<string, number>;
  /** Ways whose nodes lie partly outside the extract: kept in pieces. */
  cutWays: number;
  nodes: number;
  routableNodes: number;
  edges: number;
  lengthKm: number;
  bbox: [number, number, number, number];
}

/** `POST /api/road-network`. */
export interface RoadNetworkUploadOutcome {
  status: 'validated' | 'loaded';
  report: RoadNetworkReport;
  network: RoadNetworkSummary | null;
}

/** `DELETE /api/road-network`. */
export interface RoadNetworkRemoval {
  removed: RoadNetworkSummary;
}
