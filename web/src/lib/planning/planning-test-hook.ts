/*
 * Test hook for the browser test (test/e2e/planning.e2e.test.ts), beside the map's own
 * `window.__terepMap` (web/src/lib/map/map-test-hook.ts): `body[data-planning-ready]` names what
 * the planning map shows (`base`, `candidates`, `plan-<id>`) once it went idle after its layers
 * rendered, and is removed while a new scene is being prepared. A plain DOM write.
 */
export function markPlanningReady(key: string | null): void {
  if (key) document.body.dataset.planningReady = key;
  else delete document.body.dataset.planningReady;
}
