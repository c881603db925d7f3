/** A point as longitude and latitude in degrees (WGS 84). */
export interface LonLat {
  lon: number;
  lat: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const RADIANS = Math.PI / 180;

/**
 * Demand × candidate matrix of great-circle distances (haversine, mean Earth
 * radius) in kilometres, scaled by a detour factor: the estimate used when no
 * road network is loaded (1.3 is the usual rural road-to-crow ratio).
 */
export function detourDistanceMatrix(demand: readonly LonLat[], candidates: readonly LonLat[], detourFactor: number): Float64Array {
  const m = candidates.length;
  const candidateLat = Float64Array.from(candidates, (point) => point.lat * RADIANS);
  const candidateLon = Float64Array.from(candidates, (point) => point.lon * RADIANS);
  const candidateCos = candidateLat.map(Math.cos);
  const matrix = new Float64Array(demand.length * m);
  const scale = 2 * EARTH_RADIUS_KM * detourFactor;
  demand.forEach((point, i) => {
    const lat = point.lat * RADIANS;
    const lon = point.lon * RADIANS;
    const cosLat = Math.cos(lat);
    const row = i * m;
    for (let j = 0; j < m; j += 1) {
      const sinLat = Math.sin((candidateLat[j]! - lat) / 2);
      const sinLon = Math.sin((candidateLon[j]! - lon) / 2);
      const h = sinLat * sinLat + cosLat * candidateCos[j]! * sinLon * sinLon;
      matrix[row + j] = scale * Math.asin(Math.min(1, Math.sqrt(h)));
    }
  });
  return matrix;
}
