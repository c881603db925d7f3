/*
 * Test hook for the browser test (test/e2e/logistics.e2e.test.ts), beside the map's own
 * `window.__terepMap`: `body[data-logistics-ready]` names what the route map shows (`base`, then
 * `routes`) once the map went idle after its layers rendered, and is removed while a new scene is
 * being prepared. A plain DOM write, no effect on the app itself.
 */
export function markLogisticsReady(key: string | null): void {
  if (key) document.body.dataset.logisticsReady = key;
  else delete document.body.dataset.logisticsReady;
}
