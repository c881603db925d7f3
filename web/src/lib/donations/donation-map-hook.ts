/*
 * Test hook for the browser test (test/e2e/donations.e2e.test.ts), beside the map's own
 * `window.__terepMap`: `body[data-donations-ready]` names what the donation map shows once the map
 * went idle after its layers rendered, and is removed while a new scene is prepared.
 */
export function markDonationsReady(key: string | null): void {
  if (key) document.body.dataset.donationsReady = key;
  else delete document.body.dataset.donationsReady;
}
