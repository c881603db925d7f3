import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Overridable so that parallel runs on one machine (several developers' checkouts, helpers) do not share one state. */
export const TEST_STATE_DIR = process.env.TEREP_TEST_STATE_DIR ?? `${REPO_ROOT}/.terep/test`;
/** The embedded database every integration test file opens, loaded once per change of schema or data. */
export const TEST_PGLITE_DIR = `${TEST_STATE_DIR}/pglite-base`;
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** In CI nothing may be skipped: a missing server or browser fails the run. */
export const IN_CI = Boolean(process.env.CI);

export function databaseUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** One loud line on stderr when a suite cannot run here; in CI the caller fails instead. */
export function warnSkipped(what: string, why: string): void {
  console.warn(`\n*** SKIPPED ${what}: ${why} ***\n`);
}
