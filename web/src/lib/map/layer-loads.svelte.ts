import { isAbortError } from '$lib/api/api-error';

/** A copy of `set` without `value`. */
export function without<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  next.delete(value);
  return next;
}

/**
 * The data of a map panel's switchable layers, one request per layer at a time: a newer request for a
 * layer aborts the older, and only the latest one's answer, error and end count.
 */
export class LayerLoads<Id extends string, Collections extends Record<Id, unknown>> {
  collections = $state.raw<Partial<Collections>>({});
  loading = $state.raw<ReadonlySet<Id>>(new Set());
  errors = $state.raw<Partial<Record<Id, unknown>>>({});

  readonly #controllers = new Map<Id, AbortController>();

  /** Loads one layer afresh; `loaded` runs once its answer is stored. */
  load<K extends Id>(id: K, request: (signal: AbortSignal) => Promise<Collections[K]>, loaded?: () => void): void {
    this.#controllers.get(id)?.abort();
    const controller = new AbortController();
    this.#controllers.set(id, controller);
    this.loading = new Set(this.loading).add(id);
    this.#setError(id, undefined);
    request(controller.signal)
      .then((collection) => {
        if (this.#controllers.get(id) !== controller) return;
        this.collections = { ...this.collections, [id]: collection };
        loaded?.();
      })
      .catch((error: unknown) => {
        if (this.#controllers.get(id) === controller && !isAbortError(error)) this.#setError(id, error);
      })
      .finally(() => {
        if (this.#controllers.get(id) !== controller) return;
        this.#controllers.delete(id);
        this.loading = without(this.loading, id);
      });
  }

  /** Stops loading one layer and forgets its data and error (it was switched off). */
  drop(id: Id): void {
    this.#controllers.get(id)?.abort();
    this.#controllers.delete(id);
    this.loading = without(this.loading, id);
    const { [id]: _dropped, ...rest } = this.collections;
    this.collections = rest as Partial<Collections>;
    this.#setError(id, undefined);
  }

  destroy(): void {
    for (const controller of this.#controllers.values()) controller.abort();
    this.#controllers.clear();
  }

  #setError(id: Id, error: unknown): void {
    if (error === undefined && !(id in this.errors)) return;
    const { [id]: _previous, ...rest } = this.errors;
    this.errors = error === undefined ? (rest as Partial<Record<Id, unknown>>) : ({ ...rest, [id]: error } as Partial<Record<Id, unknown>>);
  }
}
