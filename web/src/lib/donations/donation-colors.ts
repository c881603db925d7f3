import { schemeTableau10 } from 'd3';
import type { Rgba } from '$lib/indicators/color-scale';
import type { DonationItem, Urgency } from '@terep/db/contract';

/** Urgency from pale blue (low) to dark red (critical), as on the request layer and charts. */
export const URGENCY_COLORS: Record<Urgency, string> = {
  low: '#67a9cf',
  medium: '#f2b134',
  high: '#e8590c',
  critical: '#b2182b',
};

/** An item's colour: its place in the controlled list in d3's Tableau palette (stable while the list grows at its end). */
export function itemColor(items: readonly DonationItem[], key: string): string {
  const index = items.findIndex((item) => item.key === key);
  return schemeTableau10[(index < 0 ? items.length : index) % schemeTableau10.length]!;
}

/** "#b2182b" → [178, 24, 43, alpha] for deck.gl. */
export function rgbaOf(hex: string, alpha = 255): Rgba {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, alpha];
}
