/**
 * Mounts a map that loads its code lazily (maplibre and deck.gl only in the browser,
 * only for the map) and returns the clean-up for `onMount`: a map that finishes
 * loading after its component left is destroyed at once, never handed out.
 */
export function mountMap<M extends { destroy(): void }>(load: () => Promise<M>, onReady: (map: M) => void, onError: (error: unknown) => void): () => void {
  let disposed = false;
  let created: M | null = null;
  load()
    .then((instance) => {
      if (disposed) {
        instance.destroy();
        return;
      }
      created = instance;
      onReady(instance);
    })
    .catch((error: unknown) => {
      if (!disposed) onError(error);
    });
  return () => {
    disposed = true;
    created?.destroy();
  };
}
