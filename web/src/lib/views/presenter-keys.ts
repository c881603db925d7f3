import type { ViewPage } from '@terep/db/contract';

/** One step of a presentation: a view and what is said about it. */
export interface PresentedStep {
  title: string;
  note: string;
  page: ViewPage;
  /** The query string without `?`. */
  query: string;
}

/** The address of a step. */
export function stepHref(step: Pick<PresentedStep, 'page' | 'query'>): string {
  return step.query ? `${step.page}?${step.query}` : step.page;
}

/** Keys that step forward and back: arrows, space and the page keys presentation clickers send. */
const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown', ' ', 'PageDown']);
const PREVIOUS_KEYS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

export type PresenterKey = 'next' | 'previous' | 'exit' | null;

/** What a key does while presenting (Esc leaves; others are the page's). */
export function presenterKey(key: string): PresenterKey {
  if (NEXT_KEYS.has(key)) return 'next';
  if (PREVIOUS_KEYS.has(key)) return 'previous';
  if (key === 'Escape') return 'exit';
  return null;
}
