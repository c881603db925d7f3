import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import { createCircleLayer } from '$lib/map/layers/circle-layer';
import { createIconPointLayer } from '$lib/map/layers/icon-point-layer';
import { DONATION_LAYER_ID, type DonationScene, type DrawnOffer } from './donation-map-scene';

export const OFFER_COLOR: [number, number, number, number] = [26, 152, 80, 230];

/** The donation map's layers, bottom to top: open requests, offers waiting, warehouse stock bars. */
export function buildDonationLayers(scene: DonationScene): Layer[] {
  return [
    createCircleLayer({
      id: DONATION_LAYER_ID.requests,
      data: scene.requests,
      getPosition: (entry) => entry.position,
      getRadiusPixels: (entry) => entry.radius,
      getFillColor: (entry) => entry.color,
      lineColor: [255, 255, 255, 235],
      lineWidthPixels: 1.5,
      styleKey: scene.key,
    }),
    new ScatterplotLayer<DrawnOffer>({
      id: DONATION_LAYER_ID.offers,
      data: scene.offers as DrawnOffer[],
      getPosition: (entry) => entry.position,
      getRadius: 6,
      radiusUnits: 'pixels',
      getFillColor: OFFER_COLOR,
      stroked: true,
      getLineColor: [255, 255, 255, 255],
      getLineWidth: 2,
      lineWidthUnits: 'pixels',
      pickable: true,
      autoHighlight: true,
    }),
    createIconPointLayer({
      id: DONATION_LAYER_ID.stock,
      data: scene.warehouses,
      getPosition: (entry) => entry.position,
      getIcon: (entry) => entry.icon,
      sizePixels: 48,
      iconKey: scene.key,
    }),
  ];
}
