/** A text in both UI languages. */
export interface LocalisedText {
  hu: string;
  en: string;
}

/** [minLon, minLat, maxLon, maxLat] in WGS 84 degrees. */
export type Bbox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** [lon, lat] in WGS 84 degrees. */
export type LonLat = [lon: number, lat: number];

/**
 * Counts below this are never shown exactly: need signals are about few
 * families in small villages, and an exact 1 or 2 can identify them.
 */
export const SMALL_COUNT_THRESHOLD = 5;
