import type { Map as MaplibreMap } from 'maplibre-gl';
import { exposeCompareMapsForTests } from './map-test-hook';

/**
 * Keeps two maps on one camera: whichever the user moves, the other follows at once (a jump,
 * not an animation, so they never drift apart). Returns the function that stops it.
 */
export function syncCameras(first: MaplibreMap, second: MaplibreMap): () => void {
  let following = false;
  const follow = (leader: MaplibreMap, follower: MaplibreMap) => () => {
    if (following) return;
    following = true;
    follower.jumpTo({ center: leader.getCenter(), zoom: leader.getZoom(), bearing: leader.getBearing(), pitch: leader.getPitch() });
    following = false;
  };
  const fromFirst = follow(first, second);
  const fromSecond = follow(second, first);
  first.on('move', fromFirst);
  second.on('move', fromSecond);
  return () => {
    first.off('move', fromFirst);
    second.off('move', fromSecond);
  };
}

/** A side-by-side comparison's two maps: one camera, and exposed to the browser tests. Returns the function that undoes both. */
export function pairCompareMaps(first: MaplibreMap, second: MaplibreMap): () => void {
  exposeCompareMapsForTests([first, second]);
  const stop = syncCameras(first, second);
  return () => {
    stop();
    exposeCompareMapsForTests(undefined);
  };
}
