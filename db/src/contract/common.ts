/** A text in both UI languages. */
export interface LocalisedText {
  hu: string;
  en: string;
}

/** [minLon, minLat, maxLon, maxLat] in WGS 84 degrees. */
export type Bbox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** [lon, lat] in WGS 84 degrees. */
export type LonLat = [lon: number, lat: number];
