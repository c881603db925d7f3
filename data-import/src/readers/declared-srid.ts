/** EPSG codes Terep reads: WGS 84 and the Hungarian national grid (EOV, HD72). */
export const WGS84 = 4326;
export const EOV = 23700;

/**
 * The EPSG code a projection text declares (a shapefile's .prj WKT, a GeoJSON
 * `crs` name, a GeoPackage srs definition), or undefined when it is neither
 * WGS 84 nor EOV, so the caller can fall back to judging by coordinate ranges.
 */
export function declaredSrid(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const normalised = text.toLowerCase();
  if (/23700|egyseges_orszagos|hd72 \/ eov|hungarian_1972|\beov\b/.test(normalised)) return EOV;
  if (/4326|crs84|wgs_1984|wgs 84|wgs84/.test(normalised)) return WGS84;
  return undefined;
}
