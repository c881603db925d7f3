import { afterNavigate, goto, replaceState } from '$app/navigation';
import { navigating, page } from '$app/state';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { untrack } from 'svelte';
import { parseMapPosition, samePosition, withoutPosition, writeMapPosition, type IgnoredParam, type MapPosition } from './map-position';
import { viewNotices } from './view-notices.svelte';

/** Map moves reach the address after this pause (a drag is one history write, not hundreds). */
const MOVE_DEBOUNCE_MS = 400;
/** How long a map flies to a view asked for after the page opened (back/forward, a story's step). */
const FLY_MS = 1600;

export interface ViewAddressOptions {
  /** The page's own params for its state now (without the map position); read reactively. */
  query: () => URLSearchParams;
  /**
   * Shows what an address asks for: on opening the page, on back/forward and on a story's step
   * (the map position is shown by this class; `search` still has it, so a page can tell whether to
   * frame what it loads itself). Answers the params it could not use (the page may report more
   * later, through viewNotices).
   */
  apply: (search: URLSearchParams) => IgnoredParam[];
  /** Whether the page has applied its first address and may write its state back (else a default would overwrite it). */
  ready: () => boolean;
}

/**
 * Keeps a map page's view in its address: the page's choices (pushed as history entries, so back
 * and forward step through them) and the map's centre and zoom (replaced, debounced). Applies an
 * address on load and on every navigation to the same page, flying the map there. Call `connect`
 * during the component's initialisation.
 */
export class ViewAddress {
  /** Where the map looks now (null until a map is attached). */
  position = $state.raw<MapPosition | null>(null);
  #map: MaplibreMap | null = null;
  /** A position asked for before the map existed. */
  #pending: MapPosition | null = null;
  #routerReady = $state(false);
  /** The address of our own last navigation: arriving there applies nothing. */
  #own: string | null = null;
  /** The next write replaces the entry (the page normalising an address it was given). */
  #replaceNext = true;
  #moveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: ViewAddressOptions) {}

  connect(): void {
    afterNavigate(({ to }) => {
      this.#routerReady = true;
      if (!to) return;
      const href = to.url.href;
      if (this.#own === href) {
        this.#own = null;
        return;
      }
      this.#replaceNext = true;
      const search = to.url.searchParams;
      const { position, ignored } = parseMapPosition(search);
      viewNotices.report([...ignored, ...this.options.apply(search)]);
      if (position) this.#show(position);
    });
    $effect(() => {
      if (!this.#routerReady || !this.options.ready()) return;
      const query = this.options.query();
      const position = this.position;
      untrack(() => this.#write(query, position));
    });
  }

  /** The page's map: the address's position is shown on it, and its moves are written back. */
  attachMap(map: MaplibreMap): void {
    this.#map = map;
    if (this.#pending) map.jumpTo({ center: [this.#pending.lon, this.#pending.lat], zoom: this.#pending.z });
    this.#pending = null;
    const read = () => {
      const center = map.getCenter();
      const next = { lon: center.lng, lat: center.lat, z: map.getZoom() };
      if (!samePosition(next, this.position)) this.position = next;
    };
    read();
    map.on('moveend', read);
  }

  destroy(): void {
    clearTimeout(this.#moveTimer);
    this.#map = null;
  }

  #show(position: MapPosition): void {
    const map = this.#map;
    if (!map) {
      this.#pending = position;
      return;
    }
    if (samePosition(position, this.position)) return;
    const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const target = { center: [position.lon, position.lat] as [number, number], zoom: position.z };
    if (reduceMotion) map.jumpTo(target);
    else map.flyTo({ ...target, duration: FLY_MS, essential: true });
  }

  #write(query: URLSearchParams, position: MapPosition | null): void {
    // A write while the user is leaving for another page (a link clicked while this one was still
    // settling) would be a goto, and SvelteKit drops the navigation under way for it.
    if (leavingPage()) return;
    // The first write after an address was applied only normalises it: it replaces that entry.
    const replace = this.#replaceNext;
    this.#replaceNext = false;
    const current = new URL(window.location.href);
    const target = new URL(current);
    const search = new URLSearchParams(query);
    if (position) writeMapPosition(search, position);
    // Lists read better as `a,b` than `a%2Cb`.
    target.search = search.toString().replace(/%2C/gi, ',');
    if (target.href === current.href) return;
    clearTimeout(this.#moveTimer);
    const choicesChanged = withoutPosition(target.searchParams).toString() !== withoutPosition(current.searchParams).toString();
    if (choicesChanged) {
      this.#own = target.href;
      void goto(target, { replaceState: replace, keepFocus: true, noScroll: true });
    } else {
      this.#moveTimer = setTimeout(() => {
        if (!leavingPage()) replaceState(target, page.state);
      }, MOVE_DEBOUNCE_MS);
    }
  }
}

/** A navigation to another page is under way. */
function leavingPage(): boolean {
  const to = navigating.to;
  return to !== null && to.url.pathname !== window.location.pathname;
}
