/** A text in both UI languages. */
export interface LocalisedText {
  hu: string;
  en: string;
}

/**
 * The values an error or a reason is worded from, beside its stable code: the web words it in the
 * user's language from the code and these (the English `message` beside them is for API users).
 * Where one code covers several cases, `reason` names the case with a stable kebab-case word.
 */
export type MessageParams = Record<string, string | number>;

/** A reason a client words itself: a stable code and its values. */
export interface CodedReason {
  code: string;
  params: MessageParams;
}

/** Every API error answer: `{"error": {"code", "message", "params"}}`. */
export interface ApiErrorBody {
  error: { code: string; message: string; params: MessageParams };
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
