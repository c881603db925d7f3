import { setTimeout as sleep } from 'node:timers/promises';

/** Bounded waits for what arrives asynchronously (a notification, a reconnection): tries, and the pause between them. */
const TRIES = 400;
const PAUSE_MS = 25;

/** Resolves once `check` holds, trying for at most TRIES × PAUSE_MS; throws naming `what` otherwise. */
export async function eventually(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < TRIES; attempt += 1) {
    if (await check()) return;
    await sleep(PAUSE_MS);
  }
  throw new Error(`never happened: ${what}`);
}
