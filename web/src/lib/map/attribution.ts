import type { Attribution } from '$lib/api/contract';

/** Every distinct source, in first-seen order (the same text twice is listed once). */
export function collectAttributions(...groups: ReadonlyArray<readonly Attribution[] | undefined>): Attribution[] {
  const seen = new Map<string, Attribution>();
  for (const group of groups) {
    for (const attribution of group ?? []) {
      const previous = seen.get(attribution.text);
      if (!previous) seen.set(attribution.text, attribution);
      else if (!previous.url && attribution.url) seen.set(attribution.text, attribution);
    }
  }
  return [...seen.values()];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function isSafeUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** HTML snippets for maplibre's AttributionControl `customAttribution`. */
export function attributionHtml(attributions: readonly Attribution[]): string[] {
  return attributions.map(({ text, url }) =>
    url && isSafeUrl(url)
      ? `<a href="${escapeHtml(url)}" target="_blank" rel="noopener">${escapeHtml(text)}</a>`
      : escapeHtml(text),
  );
}
