import type { Attribution, Locale } from '$lib/api/contract';

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

/** A source's credit in the UI language: "Forrás: KSH" in Hungarian, "Source: KSH (...)" in English. */
export function attributionText(attribution: Attribution, locale: Locale): string {
  return locale === 'en' && attribution.en ? attribution.en : attribution.text;
}

/** A source's name where a label already says "Sources": the credit without its "Forrás:"/"Source:" lead. */
export function sourceName(attribution: Attribution, locale: Locale): string {
  return attributionText(attribution, locale).replace(/^(Forrás|Source):\s*/i, '');
}

/** HTML snippets for maplibre's AttributionControl `customAttribution`. */
export function attributionHtml(attributions: readonly Attribution[], locale: Locale): string[] {
  return attributions.map((attribution) => {
    const text = escapeHtml(attributionText(attribution, locale));
    const { url } = attribution;
    return url && isSafeUrl(url) ? `<a href="${escapeHtml(url)}" target="_blank" rel="noopener">${text}</a>` : text;
  });
}
