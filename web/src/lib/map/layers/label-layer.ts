import { TextLayer } from '@deck.gl/layers';
import type { Rgba } from '$lib/indicators/color-scale';
import type { LabelPoint } from '../label-points';

export interface LabelLayerProps {
  id: string;
  labels: readonly LabelPoint[];
  sizePixels: number;
  color: Rgba;
  haloColor: Rgba;
  fontWeight?: number | string;
  /** Where the text stands against its point: centred on it (default), or starting right of it. */
  anchor?: 'middle' | 'start';
  /** Shift from the point in screen pixels, [right, down]. */
  offsetPixels?: [number, number];
}

/**
 * Place names rendered by deck.gl from a system font, so the basemap needs no remote glyphs.
 * 'auto' builds the font atlas from the labels' own characters (ő, ű, ...).
 */
export function createLabelLayer(props: LabelLayerProps): TextLayer<LabelPoint> {
  return new TextLayer<LabelPoint>({
    id: props.id,
    data: props.labels as LabelPoint[],
    getPosition: (label) => label.position,
    getText: (label) => label.text,
    getSize: props.sizePixels,
    sizeUnits: 'pixels',
    getColor: props.color,
    fontFamily: 'DejaVu Sans, Noto Sans, Arial, sans-serif',
    fontWeight: props.fontWeight ?? 600,
    characterSet: 'auto',
    fontSettings: { sdf: true, fontSize: 48, buffer: 10, radius: 14 },
    // In font-atlas pixels (atlas font size 48): about 2 screen pixels of halo at 12 px text.
    outlineWidth: 7,
    outlineColor: props.haloColor,
    getTextAnchor: props.anchor ?? 'middle',
    getPixelOffset: props.offsetPixels ?? [0, 0],
    getAlignmentBaseline: 'center',
    pickable: false,
  });
}
