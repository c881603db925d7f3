/** The sizes an image can be exported at: the map as on screen, or a landscape paper sheet at a resolution. */
export type ExportSizeId = 'screen' | 'a4-150' | 'a4-300' | 'a3-150' | 'a3-300';

export const EXPORT_SIZES: readonly ExportSizeId[] = ['screen', 'a4-150', 'a4-300', 'a3-150', 'a3-300'];

/** Landscape sheets in millimetres (ISO 216). */
const SHEETS = { a4: [297, 210], a3: [420, 297] } as const;

/** CSS pixels per inch: a print at `dpi` draws lines and text `dpi / 96` times as many pixels as a screen. */
const CSS_DPI = 96;

export interface ExportSize {
  width: number;
  height: number;
  pixelRatio: number;
}

/** Pixel size and scale of an export; `screen` is the map's own size on screen at the display's pixel ratio. */
export function exportSize(id: ExportSizeId, screen: { width: number; height: number; pixelRatio: number }): ExportSize {
  if (id === 'screen') return { width: Math.round(screen.width * screen.pixelRatio), height: Math.round(screen.height * screen.pixelRatio), pixelRatio: screen.pixelRatio };
  const [sheet, dpiText] = id.split('-') as ['a4' | 'a3', string];
  const dpi = Number(dpiText);
  const [widthMm, heightMm] = SHEETS[sheet];
  return { width: Math.round((widthMm / 25.4) * dpi), height: Math.round((heightMm / 25.4) * dpi), pixelRatio: dpi / CSS_DPI };
}
