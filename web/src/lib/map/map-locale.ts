import type { Locale } from '$lib/api/contract';

/** maplibre's own control labels (zoom buttons) in the UI language. */
export function mapControlLocale(locale: Locale): Record<string, string> | undefined {
  if (locale === 'en') return undefined;
  return {
    'NavigationControl.ZoomIn': 'Nagyítás',
    'NavigationControl.ZoomOut': 'Kicsinyítés',
    'NavigationControl.ResetBearing': 'Északra forgatás',
    'AttributionControl.ToggleAttribution': 'Források ki/be',
    'Map.Title': 'Térkép',
  };
}
