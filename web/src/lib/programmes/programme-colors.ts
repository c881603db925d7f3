import type { Rgba } from '$lib/indicators/color-scale';

/**
 * One colour per programme, by its id (stable across pages and reloads): Tableau 10, readable over
 * the light basemap and distinct from the choropleth's sequential blues.
 */
const PALETTE: readonly [number, number, number][] = [
  [78, 121, 167],
  [242, 142, 43],
  [225, 87, 89],
  [118, 183, 178],
  [89, 161, 79],
  [237, 201, 72],
  [176, 122, 161],
  [255, 157, 167],
  [156, 117, 95],
  [186, 176, 172],
];

export function programmeRgb(programmeId: number): [number, number, number] {
  return PALETTE[Math.abs(programmeId) % PALETTE.length]!;
}

export function programmeColor(programmeId: number, alpha = 255): Rgba {
  const [r, g, b] = programmeRgb(programmeId);
  return [r, g, b, alpha];
}

export function programmeCss(programmeId: number): string {
  const [r, g, b] = programmeRgb(programmeId);
  return `rgb(${r} ${g} ${b})`;
}
