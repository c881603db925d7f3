import { isAbortError } from '$lib/api/api-error';
import { fetchSearchResults } from './search-client';
import type { SearchResult } from './search-types';

export const SEARCH_DEBOUNCE_MS = 220;
export const SEARCH_MIN_LENGTH = 2;

export type SearchKeyAction = { type: 'none' } | { type: 'handled' } | { type: 'choose'; result: SearchResult };

/** Next highlighted row for an arrow key, wrapping around; -1 means none. */
export function moveActiveIndex(current: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}

/** The search box: debounced queries, the result list and its keyboard highlight. */
export class SearchState {
  query = $state('');
  results = $state.raw<SearchResult[]>([]);
  activeIndex = $state(-1);
  open = $state(false);
  searching = $state(false);
  error = $state.raw<unknown>(null);

  #timer: ReturnType<typeof setTimeout> | undefined;
  #controller: AbortController | null = null;

  setQuery(query: string): void {
    this.query = query;
    clearTimeout(this.#timer);
    this.#controller?.abort();
    const trimmed = query.trim();
    if (trimmed.length < SEARCH_MIN_LENGTH) {
      this.results = [];
      this.activeIndex = -1;
      this.searching = false;
      this.error = null;
      this.open = false;
      return;
    }
    this.searching = true;
    this.open = true;
    this.#timer = setTimeout(() => this.#run(trimmed), SEARCH_DEBOUNCE_MS);
  }

  /** Keyboard handling for the input: arrows move, Enter chooses, Escape closes. */
  handleKey(key: string): SearchKeyAction {
    switch (key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (!this.results.length) return { type: 'none' };
        this.open = true;
        this.activeIndex = moveActiveIndex(this.activeIndex, this.results.length, key === 'ArrowDown' ? 1 : -1);
        return { type: 'handled' };
      case 'Enter': {
        const result = this.results[this.activeIndex >= 0 ? this.activeIndex : 0];
        return result && this.open ? { type: 'choose', result } : { type: 'none' };
      }
      case 'Escape':
        if (!this.open) return { type: 'none' };
        this.open = false;
        this.activeIndex = -1;
        return { type: 'handled' };
      default:
        return { type: 'none' };
    }
  }

  /** After a choice: show the chosen name and close the list. */
  choose(result: SearchResult): void {
    clearTimeout(this.#timer);
    this.#controller?.abort();
    this.query = result.name;
    this.open = false;
    this.activeIndex = -1;
    this.searching = false;
  }

  clear(): void {
    this.setQuery('');
  }

  close(): void {
    this.open = false;
    this.activeIndex = -1;
  }

  reopen(): void {
    if (this.results.length || this.error) this.open = true;
  }

  destroy(): void {
    clearTimeout(this.#timer);
    this.#controller?.abort();
  }

  #run(query: string): void {
    const controller = new AbortController();
    this.#controller = controller;
    fetchSearchResults(query, controller.signal)
      .then((response) => {
        if (this.#controller !== controller) return;
        this.results = response.results;
        this.activeIndex = response.results.length ? 0 : -1;
        this.error = null;
      })
      .catch((error: unknown) => {
        if (this.#controller !== controller || isAbortError(error)) return;
        this.results = [];
        this.activeIndex = -1;
        this.error = error;
      })
      .finally(() => {
        if (this.#controller === controller) this.searching = false;
      });
  }
}
