/*
 * Test hook for the browser test (test/e2e/analysis.e2e.test.ts), beside the map's own
 * `window.__terepMap` (web/src/lib/map/map-test-hook.ts): `body[data-analysis-ready]` names the
 * analysis drawn (`coverage`, `catchments`, ...) once the map went idle after its layers
 * rendered, and is removed while a new one is being prepared. A plain DOM write, no effect on
 * the app itself.
 */
export function markAnalysisReady(key: string | null): void {
  if (key) document.body.dataset.analysisReady = key;
  else delete document.body.dataset.analysisReady;
}
