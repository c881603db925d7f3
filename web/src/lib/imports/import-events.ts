/*
 * Tells other tabs of the app that the organisations' data changed (an import or a rollback),
 * so an open dashboard redraws its layers. Within one tab the dashboard is mounted afresh when
 * the user returns to it, and loads the layers then.
 */

const CHANNEL = 'terep-imports';

export function announceImportChange(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: 'changed' });
  channel.close();
}

/** Calls `listener` when another tab imported or rolled back; returns the unsubscribe function. */
export function onImportChange(listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.addEventListener('message', () => listener());
  return () => channel.close();
}
